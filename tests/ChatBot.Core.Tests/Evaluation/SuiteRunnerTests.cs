using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Prompts;
using ChatBot.Core.Tests.Prompts;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class SuiteRunnerTests
{
    internal static readonly QuestionSuite Suite = SuiteLoader.Parse("s.yaml", """
        name: runner
        thresholds: { passRate: 0.5 }
        cases:
          - id: distance
            question: How close did they get?
            turns: ["What did IS seize near Palmyra?"]
            expect: { cites: [newarab-divided-fronts], mentions: ['four kilometres'] }
          - id: weather
            question: Weather in Damascus?
            expect: { refused: true }
        """);

    /// <summary>Answers every question with the Palmyra distance, so the weather case fails its refusal check.</summary>
    internal static Answer Respond(AnswerRequest request) => Answers.Distance() with { Question = request.Question };

    [Fact]
    public async Task RunAsync_EveryCase_AskedWithTurnsAndPromptSetAndChecked()
    {
        var service = new FakeAnsweringService(Respond);
        var prompts = PromptSetLoader.Load(TestPaths.PromptSet("default"));
        var progress = new List<SuiteProgress>();

        var run = await new SuiteRunner(service).RunAsync(Suite, prompts, new ListProgress(progress), CancellationToken.None);

        Assert.Equal(["What did IS seize near Palmyra?"], service.Requests[0].Turns);
        Assert.All(service.Requests, r => Assert.Same(prompts, r.Prompts));
        Assert.Equal(prompts.Version, run.PromptVersion);
        Assert.True(run.Cases[0].Passed);
        Assert.False(run.Cases[1].Passed);
        Assert.Equal([1, 2], progress.Select(p => p.Completed));
        Assert.Equal(0.5, run.Summary.PassRate);
        Assert.True(run.Thresholds.Single().Held);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public async Task RunAsync_NoPromptSet_TakesVersionFromAnswers()
    {
        var run = await new SuiteRunner(new FakeAnsweringService(Respond)).RunAsync(Suite, null, null, CancellationToken.None);

        Assert.Equal("0123456789ab", run.PromptVersion);
        Assert.Null(run.Cases[0].Answer.Trace);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Stops()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new SuiteRunner(new FakeAnsweringService(Respond)).RunAsync(Suite, null, null, cts.Token));
    }

    private sealed class ListProgress(List<SuiteProgress> list) : IProgress<SuiteProgress>
    {
        public void Report(SuiteProgress value) => list.Add(value);
    }
}
