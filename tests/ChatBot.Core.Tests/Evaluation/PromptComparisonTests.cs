using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Prompts;
using ChatBot.Core.Tests.Prompts;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class PromptComparisonTests
{
    [Fact]
    public void WordDiff_ReplacedWords_StruckThenBold()
    {
        var diff = WordDiff.ToMarkdown("The reporting here does not say that.", "None of the articles here answer that.");

        Assert.Equal("~~The reporting~~ **None of the articles** here ~~does not say~~ **answer** that.", diff);
    }

    [Fact]
    public void WordDiff_SameText_NoMarks()
    {
        Assert.Equal("a b c", WordDiff.ToMarkdown("a b  c", "a\nb c"));
    }

    [Fact]
    public async Task RunAsync_TwoSets_ReportShowsBothAnswersDiffAndMetrics()
    {
        // The fake renders the refusal template of whichever set it is given, as the extractive composer would.
        var service = new FakeAnsweringService(request => Answers.Make(
            request.Prompts!.Render("refusal", new Dictionary<string, object?> { ["topic"] = "the weather" }), refused: true) with
        { PromptVersion = request.Prompts.Version });
        var suite = SuiteLoader.Parse("s.yaml", "name: cmp\ncases:\n  - id: weather\n    question: Weather?\n    expect: { refused: true }\n");
        var a = PromptSetLoader.Load(TestPaths.PromptSet("default"));
        var b = PromptSetLoader.Load(TestPaths.PromptSet("default"), TestPaths.PromptSet("variant"));

        var comparison = await PromptComparison.RunAsync(new SuiteRunner(service), suite, a, b, null, CancellationToken.None);
        var report = comparison.ToMarkdown();

        Assert.Equal(1, comparison.ChangedAnswers);
        Assert.Contains($"version `{a.Version}`", report, StringComparison.Ordinal);
        Assert.Contains($"version `{b.Version}`", report, StringComparison.Ordinal);
        Assert.Contains("| The reporting here does not say the weather. | None of the articles here answer the weather. |", report, StringComparison.Ordinal);
        Assert.Contains("> ~~The reporting~~ **None of the articles** here ~~does not say~~ **answer** the weather.", report, StringComparison.Ordinal);
        Assert.Contains("| passRate | 100.0% | 100.0% | 0.0 pts |", report, StringComparison.Ordinal);
        Assert.Contains("### weather: pass -> pass", report, StringComparison.Ordinal);
    }
}
