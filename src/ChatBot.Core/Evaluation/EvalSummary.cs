namespace ChatBot.Core.Evaluation;

/// <summary>
/// The metrics of a run, all computed without a language model (see <see cref="EvalMetrics"/> for each definition).
/// A share is null when no case measures it (e.g. refusal accuracy in a suite with no <c>refused</c> expectation).
/// </summary>
public sealed record EvalSummary
{
    /// <summary>Every metric name a suite threshold may use (the JSON summary's field names).</summary>
    public static IReadOnlyList<string> MetricNames { get; } =
    [
        "passRate", "citationPrecision", "citationRecall", "expectedArticleRecall", "outletAccuracy",
        "disputeRecall", "disputePrecision", "refusalAccuracy", "p50Ms", "p95Ms", "cases", "passed", "failed",
    ];

    public required int Cases { get; init; }

    public required int Passed { get; init; }

    public int Failed => Cases - Passed;

    public double? PassRate { get; init; }

    public double? CitationPrecision { get; init; }

    public double? CitationRecall { get; init; }

    public double? ExpectedArticleRecall { get; init; }

    public double? OutletAccuracy { get; init; }

    public double? DisputeRecall { get; init; }

    public double? DisputePrecision { get; init; }

    public double? RefusalAccuracy { get; init; }

    public double? P50Ms { get; init; }

    public double? P95Ms { get; init; }

    /// <summary>How many answers took each path: extractive, generative, repaired, fallback (all four always present).</summary>
    public IReadOnlyDictionary<string, int> Modes { get; init; } = new Dictionary<string, int>();

    /// <summary>Latency limits are maxima (the value must not exceed them), as is <c>failed</c>; every other limit is a minimum.</summary>
    public static bool IsUpperLimit(string metric) => IsLatencyMetric(metric) || metric == "failed";

    public static bool IsLatencyMetric(string metric) => metric is "p50Ms" or "p95Ms";

    /// <summary>The value of a metric by its JSON name; null when not measured.</summary>
    /// <exception cref="ArgumentException">No metric has that name.</exception>
    public double? Get(string metric) => metric switch
    {
        "passRate" => PassRate,
        "citationPrecision" => CitationPrecision,
        "citationRecall" => CitationRecall,
        "expectedArticleRecall" => ExpectedArticleRecall,
        "outletAccuracy" => OutletAccuracy,
        "disputeRecall" => DisputeRecall,
        "disputePrecision" => DisputePrecision,
        "refusalAccuracy" => RefusalAccuracy,
        "p50Ms" => P50Ms,
        "p95Ms" => P95Ms,
        "cases" => Cases,
        "passed" => Passed,
        "failed" => Failed,
        _ => throw new ArgumentException($"unknown metric '{metric}'", nameof(metric)),
    };
}
