using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.EndToEnd;

/// <summary>suites/seed.yaml through the real engine, gated by the suite's own thresholds (issue: "it passes in CI").</summary>
public sealed class SeedSuiteTests(SeedEngine engine, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SeedEngine>
{
    [Fact]
    public async Task RunAsync_SeedSuite_EveryThresholdHolds()
    {
        var suite = SuiteLoader.Load(Path.Combine(RepositoryPaths.Root, "suites", "seed.yaml"));

        var run = await new SuiteRunner(engine.Answering).RunAsync(suite, prompts: null, progress: null, CancellationToken.None);

        foreach (var failed in run.Cases.Where(c => !c.Passed))
        {
            output.WriteLine($"{failed.Case.Id}: {string.Join("; ", failed.Failures)}");
        }

        Assert.NotEmpty(run.Thresholds);
        Assert.All(run.Thresholds, t => Assert.True(t.Held, t.Describe()));
    }
}
