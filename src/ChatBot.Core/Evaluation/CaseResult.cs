using ChatBot.Core.Answering;

namespace ChatBot.Core.Evaluation;

/// <summary>A suite case after it ran: the answer, the expectations it failed, and what the citation metrics saw.</summary>
public sealed record CaseResult
{
    public required SuiteCase Case { get; init; }

    public required Answer Answer { get; init; }

    public bool Passed => Failures.Count == 0;

    /// <summary>Each failed expectation, spelled out ("mentions: /4 km/ not found in answer").</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    public required double LatencyMs { get; init; }

    /// <summary>The sentences counted by citation recall.</summary>
    public IReadOnlyList<AnswerSentence> Sentences { get; init; } = [];

    /// <summary>Every marker checked by citation precision.</summary>
    public IReadOnlyList<CitationCheck> CitationChecks { get; init; } = [];
}
