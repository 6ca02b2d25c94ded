using ChatBot.Core.Attribution;

namespace ChatBot.Core.Answering;

/// <summary>How an answer was made: shown to editors only, never to ordinary users.</summary>
public sealed record AnswerTrace
{
    public required string StandaloneQuestion { get; init; }

    /// <summary>The FTS5 expressions run and the terms chosen.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];

    public IReadOnlyList<TracedPassage> Passages { get; init; } = [];

    public IReadOnlyList<TracedClaim> Claims { get; init; } = [];

    public IReadOnlyList<Dispute> Disputes { get; init; } = [];

    /// <summary>The prompt text sent to a model (generative) or the templates used (extractive).</summary>
    public string? Prompt { get; init; }

    /// <summary>Milliseconds spent per pipeline stage: "rewrite", "retrieve", "claims", "disputes", "compose".</summary>
    public IReadOnlyDictionary<string, double> StageMs { get; init; } = new Dictionary<string, double>();
}

/// <summary>A retrieved passage as the editors' view shows it.</summary>
public sealed record TracedPassage(string PassageId, string ArticleId, string Outlet, double Score, string Text);

/// <summary>A claim of a retrieved sentence as the editors' view shows it.</summary>
public sealed record TracedClaim(string PassageId, string Sentence, Claim Claim);
