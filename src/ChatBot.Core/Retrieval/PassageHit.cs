using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Retrieval;

/// <summary>A retrieved passage with its article's metadata, its sentences' claims and its relevance score.</summary>
public sealed record PassageHit
{
    public required Passage Passage { get; init; }

    public required ArticleMetadata Article { get; init; }

    /// <summary>One claim per sentence of <see cref="Passage"/>, in the same order.</summary>
    public required IReadOnlyList<Claim> Claims { get; init; }

    /// <summary>Higher is more relevant; comparable only within one retrieval.</summary>
    public required double Score { get; init; }
}
