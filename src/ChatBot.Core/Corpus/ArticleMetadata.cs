namespace ChatBot.Core.Corpus;

/// <summary>What is known about an article besides its text (design.md, corpus contract).</summary>
public sealed record ArticleMetadata
{
    /// <summary>Lowercase slug; the file name without extension unless metadata sets it.</summary>
    public required string Id { get; init; }

    /// <summary>The outlet's canonical name from sources.yaml, or "unknown".</summary>
    public required string Outlet { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>True when <see cref="Published"/> was guessed from the text rather than stated.</summary>
    public bool PublishedInferred { get; init; }

    public string? Byline { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    /// <summary>The outlet name used when none can be resolved.</summary>
    public const string UnknownOutlet = "unknown";
}
