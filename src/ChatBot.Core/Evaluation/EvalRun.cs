namespace ChatBot.Core.Evaluation;

/// <summary>A suite run: every case's result, the summary, and the thresholds checked.</summary>
public sealed record EvalRun
{
    public required QuestionSuite Suite { get; init; }

    /// <summary>The prompt set the answers were made under (first 12 hex of its SHA-256).</summary>
    public required string PromptVersion { get; init; }

    public required IReadOnlyList<CaseResult> Cases { get; init; }

    public required EvalSummary Summary { get; init; }

    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>Every case passed and every threshold held (exit code 0).</summary>
    public bool Succeeded => Cases.All(c => c.Passed) && Thresholds.All(t => t.Held);
}
