namespace ChatBot.Core.Corpus;

/// <summary>
/// Metadata from one layer of the precedence chain (front matter, sidecar, sources.yaml, the text itself);
/// null means "this layer does not say".
/// </summary>
public sealed record ArticleMetadataPatch
{
    public string? Id { get; init; }

    public string? Outlet { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    public bool? PublishedInferred { get; init; }

    public string? Byline { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }
}
