using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class EvalMetricsTests
{
    private static CaseResult Result(string expectYaml, Answer answer, double latencyMs = 10)
    {
        var testCase = SuiteLoader.Parse("s.yaml", "cases:\n  - id: a\n    question: q\n    expect: " + expectYaml + "\n").Cases[0];
        var (sentences, checks) = EvalMetrics.Inspect(answer);
        return new CaseResult
        {
            Case = testCase,
            Answer = answer,
            Failures = ExpectationChecker.Check(testCase.Expect, answer),
            LatencyMs = latencyMs,
            Sentences = sentences,
            CitationChecks = checks,
        };
    }

    [Fact]
    public void Compute_CitationRecall_IsShareOfSentencesWithAMarker()
    {
        var answer = Answers.Make("IS came close [1]. Russia said nothing. Lavrov spoke [1].", [Answers.Cite(1, "IS came close. Lavrov spoke.")]);

        var summary = EvalMetrics.Compute([Result("{}", answer)]);

        Assert.Equal(2.0 / 3, summary.CitationRecall!.Value, 6);
    }

    [Fact]
    public void Compute_CitationPrecision_CountsSupportedMarkersOnly()
    {
        var answer = Answers.Make(
            "The New Arab reported that the IS advance brought the militants to within four kilometres of the desert city [1]. " +
            "IS killed 300 civilians in Damascus [1]. Russia bombed Aleppo [2].",
            [Answers.Cite(1, Answers.DistanceQuote)]);

        var result = Result("{}", answer);
        var summary = EvalMetrics.Compute([result]);

        Assert.Equal(1.0 / 3, summary.CitationPrecision!.Value, 6);
        Assert.Equal("[2] refers to no citation", result.CitationChecks[2].Verdict.Reason);
        Assert.Equal("number 300 is not in the quote", result.CitationChecks[1].Verdict.Reason);
    }

    [Fact]
    public void Compute_RefusalWithoutSentences_LeavesCitationMetricsUnmeasured()
    {
        var summary = EvalMetrics.Compute([Result("{ refused: true }", Answers.Refusal())]);

        Assert.Null(summary.CitationRecall);
        Assert.Null(summary.CitationPrecision);
        Assert.Equal(1.0, summary.RefusalAccuracy);
    }

    [Fact]
    public void Compute_ExpectedArticleRecallAndOutletAccuracy_PoolListedItems()
    {
        var results = new[]
        {
            Result("{ cites: [newarab-divided-fronts, upi-regime-regains], outlets: ['New Arab', 'UPI'] }", Answers.Distance()),
            Result("{ cites: [newarab-divided-fronts], outlets: ['new arab'] }", Answers.Distance()),
        };

        var summary = EvalMetrics.Compute(results);

        Assert.Equal(2.0 / 3, summary.ExpectedArticleRecall!.Value, 6);
        Assert.Equal(2.0 / 3, summary.OutletAccuracy!.Value, 6);
        Assert.Equal(0.5, summary.PassRate);
    }

    [Fact]
    public void Compute_DisputeRecallAndPrecision_AgainstDisputedLabels()
    {
        var disputed = Answers.Distance() with { Disputes = [Answers.Unverified()] };
        var results = new[]
        {
            Result("{ disputed: true }", disputed),            // found
            Result("{ disputed: true }", Answers.Distance()),  // missed
            Result("{ disputed: false }", disputed),           // false alarm
            Result("{ disputed: false }", Answers.Distance()), // right
            Result("{}", disputed),                            // unlabelled: not counted
        };

        var summary = EvalMetrics.Compute(results);

        Assert.Equal(0.5, summary.DisputeRecall);
        Assert.Equal(0.5, summary.DisputePrecision);
    }

    [Fact]
    public void Compute_RefusalAccuracy_CountsBothDirections()
    {
        var results = new[]
        {
            Result("{ refused: true }", Answers.Refusal()),
            Result("{ refused: true }", Answers.Distance()),
            Result("{ refused: false }", Answers.Distance()),
            Result("{ refused: false }", Answers.Refusal()),
        };

        Assert.Equal(0.5, EvalMetrics.Compute(results).RefusalAccuracy);
    }

    [Fact]
    public void Compute_LatencyPercentilesAndModes()
    {
        var results = Enumerable.Range(1, 20)
            .Select(i => Result("{}", Answers.Distance() with { Mode = i <= 15 ? AnswerMode.Extractive : AnswerMode.Fallback }, i * 10))
            .ToList();

        var summary = EvalMetrics.Compute(results);

        Assert.Equal(100, summary.P50Ms);
        Assert.Equal(190, summary.P95Ms);
        Assert.Equal(15, summary.Modes["extractive"]);
        Assert.Equal(5, summary.Modes["fallback"]);
        Assert.Equal(0, summary.Modes["repaired"]);
    }

    [Fact]
    public void CheckThresholds_MinimaMaximaAndUnmeasured()
    {
        var summary = EvalMetrics.Compute([Result("{}", Answers.Distance(), 500)]);
        var thresholds = new Dictionary<string, double> { ["passRate"] = 1, ["citationPrecision"] = 0.9, ["p95Ms"] = 100, ["refusalAccuracy"] = 0.5 };

        var results = EvalMetrics.CheckThresholds(thresholds, summary).ToDictionary(t => t.Metric);

        Assert.True(results["passRate"].Held);
        Assert.True(results["citationPrecision"].Held);
        Assert.False(results["p95Ms"].Held);
        Assert.Equal("p95Ms 500 is above the maximum 100", results["p95Ms"].Describe());
        Assert.False(results["refusalAccuracy"].Held);
        Assert.Equal("refusalAccuracy: no case measures it (threshold 0.5)", results["refusalAccuracy"].Describe());
    }
}
