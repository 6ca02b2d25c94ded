namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// One generated article before it is rendered as a page: what the metadata should resolve to and the reporting
/// an ingester should keep. The page adds headline, byline, dateline, captions, chrome and comments around it.
/// </summary>
public sealed record SyntheticArticle
{
    public required string Id { get; init; }

    public required string Outlet { get; init; }

    public required string Title { get; init; }

    public required DateOnly Published { get; init; }

    public required string Byline { get; init; }

    public required string Url { get; init; }

    /// <summary>The story (event) this article covers; articles of one story report it from different outlets.</summary>
    public required int Story { get; init; }

    public string? Standfirst { get; init; }

    /// <summary>Paragraphs of reporting, in order.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Photo captions (without the outlet's caption decoration).</summary>
    public required IReadOnlyList<string> Captions { get; init; }

    /// <summary>Reader comments under the article (never reporting).</summary>
    public required IReadOnlyList<string> Comments { get; init; }

    /// <summary>Headlines of other stories listed under "Related Posts".</summary>
    public required IReadOnlyList<string> Related { get; init; }
}
