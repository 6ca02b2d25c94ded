using ChatBot.Core.Corpus;

namespace ChatBot.Core.Answering;

/// <summary>A numbered source of an answer (design.md answer JSON: <c>citations[]</c>).</summary>
public sealed record Citation
{
    /// <summary>1-based, in order of first use in the answer text.</summary>
    public required int N { get; init; }

    public required string ArticleId { get; init; }

    public required string Outlet { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    public string? Url { get; init; }

    /// <summary>The sentence or sentences used: an exact substring of the article.</summary>
    public required string Quote { get; init; }

    /// <summary>Whom the outlet cites for it, or null when the outlet speaks in its own voice.</summary>
    public string? Source { get; init; }

    public SourceKind? SourceKind { get; init; }

    /// <summary>Whom the source spoke to or through, when the article says ("Reuters" for a commander who told Reuters).</summary>
    public string? SourceVia { get; init; }

    /// <summary>The quote is a photo caption.</summary>
    public bool IsCaption { get; init; }

    /// <summary>The passage the quote comes from (not in the public contract, but useful to tools).</summary>
    public string? PassageId { get; init; }
}
