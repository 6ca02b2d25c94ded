namespace ChatBot.Core.Evaluation;

/// <summary>A question suite (design.md "Question suites"), validated: every regex compiles, every id is unique.</summary>
public sealed record QuestionSuite
{
    public required string Name { get; init; }

    /// <summary>The file it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>Summary metric name (see <see cref="EvalSummary.MetricNames"/>) to its limit.</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    public required IReadOnlyList<SuiteCase> Cases { get; init; }
}
