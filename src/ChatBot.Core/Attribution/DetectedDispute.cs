using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Attribution;

/// <summary>A disagreement or unverified claim found among the evidence, before it is numbered into an answer.</summary>
public sealed record DetectedDispute
{
    public required DisputeKind Kind { get; init; }

    /// <summary>What the dispute is about, in neutral words: "pro-Assad losses near Deir ez-Zor".</summary>
    public required string Topic { get; init; }

    public required IReadOnlyList<DetectedPosition> Positions { get; init; }
}

/// <summary>One side of a dispute: the sentence that carries it and who makes the claim.</summary>
/// <param name="Evidence">The sentence, its passage and its claim.</param>
/// <param name="Claimant">Who asserts it, in neutral words: "Islamic State", "a Hezbollah media unit", "The New Arab".</param>
public sealed record DetectedPosition(EvidenceSentence Evidence, string Claimant);
