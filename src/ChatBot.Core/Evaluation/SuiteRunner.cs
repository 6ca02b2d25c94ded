using System.Diagnostics;
using ChatBot.Core.Answering;
using ChatBot.Core.Prompts;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Runs a suite through the answering service, the same engine every door uses, one case at a time (so latencies are
/// not inflated by each other), then checks expectations, computes the metrics and checks the thresholds.
/// </summary>
/// <remarks>
/// A <see cref="ChatBotException"/> from the service (the system is broken) ends the run and propagates, as does
/// cancellation.
/// </remarks>
public sealed class SuiteRunner(IAnsweringService answering)
{
    public async Task<EvalRun> RunAsync(QuestionSuite suite, PromptSet? prompts, IProgress<SuiteProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var results = new List<CaseResult>(suite.Cases.Count);
        foreach (var testCase in suite.Cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new AnswerRequest { Question = testCase.Question, Turns = testCase.Turns, Prompts = prompts };
            var clock = Stopwatch.StartNew();
            var answer = await answering.AnswerAsync(request, cancellationToken);
            clock.Stop();

            var (sentences, checks) = EvalMetrics.Inspect(answer);
            var result = new CaseResult
            {
                Case = testCase,
                Answer = answer,
                Failures = ExpectationChecker.Check(testCase.Expect, answer),
                LatencyMs = clock.Elapsed.TotalMilliseconds,
                Sentences = sentences,
                CitationChecks = checks,
            };
            results.Add(result);
            progress?.Report(new SuiteProgress(results.Count, suite.Cases.Count, result));
        }

        var summary = EvalMetrics.Compute(results);
        return new EvalRun
        {
            Suite = suite,
            PromptVersion = prompts?.Version ?? results.FirstOrDefault()?.Answer.PromptVersion ?? string.Empty,
            Cases = results,
            Summary = summary,
            Thresholds = EvalMetrics.CheckThresholds(suite.Thresholds, summary),
        };
    }
}
