using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class EvalComparisonTests
{
    private static EvalSnapshot Snapshot(double passRate, double p95, params (string Id, bool Passed)[] cases) => new()
    {
        Suite = "s",
        PromptVersion = "v",
        Cases = [.. cases.Select(c => KeyValuePair.Create(c.Id, c.Passed))],
        Metrics = new Dictionary<string, double?> { ["passRate"] = passRate, ["p95Ms"] = p95, ["citationPrecision"] = null },
    };

    [Fact]
    public void Compare_CasesChanged_ListsFixedBrokenAddedRemoved()
    {
        var before = Snapshot(0.5, 100, ("a", false), ("b", true), ("c", true), ("gone", true));
        var after = Snapshot(0.75, 80, ("a", true), ("b", false), ("c", true), ("new", false));

        var comparison = EvalComparison.Compare(before, after);

        Assert.Equal(
            ["a: fixed (failed before, passes now)", "b: broken (passed before, fails now)", "new: new case (fails)", "gone: removed (it passed)"],
            comparison.Cases.Select(c => c.Describe()));
    }

    [Fact]
    public void Compare_Metrics_DeltasWithBetterAndWorse()
    {
        var comparison = EvalComparison.Compare(Snapshot(0.5, 100, ("a", true)), Snapshot(0.75, 180, ("a", true)));
        var metrics = comparison.Metrics.ToDictionary(m => m.Metric);

        Assert.Equal(0.25, metrics["passRate"].Delta!.Value, 6);
        Assert.Equal(1, metrics["passRate"].Change);
        Assert.Equal(-1, metrics["p95Ms"].Change);
        Assert.Equal("+25.0 pts (better)", EvalFormat.Delta(metrics["passRate"]));
        Assert.Equal("+80 ms (worse)", EvalFormat.Delta(metrics["p95Ms"]));
        Assert.Equal("n/a", EvalFormat.Delta(metrics["citationPrecision"]));
        Assert.Contains("| passRate | 50.0% | 75.0% | +25.0 pts (better) |", comparison.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NothingChanged_SaysSo()
    {
        var comparison = EvalComparison.Compare(Snapshot(1, 1, ("a", true)), Snapshot(1, 1, ("a", true)));

        Assert.Empty(comparison.Cases);
        Assert.Contains("No case changed outcome.", comparison.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAResultsFile_ThrowsNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-results-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"hello\": 1}");
        try
        {
            var ex = Assert.Throws<ChatBotException>(() => EvalSnapshot.Load(path));

            Assert.Contains(path + ": not an eval --json results file", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
