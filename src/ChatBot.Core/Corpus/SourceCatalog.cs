namespace ChatBot.Core.Corpus;

/// <summary>
/// corpus/sources.yaml: the outlets, the sources they cite, and per-article metadata where the text does not say it.
/// Immutable; safe to share between threads.
/// </summary>
public sealed record SourceCatalog
{
    public IReadOnlyList<Outlet> Outlets { get; init; } = [];

    public IReadOnlyList<NamedSource> Sources { get; init; } = [];

    /// <summary>Per-article metadata keyed by article id (the <c>articles:</c> section); fields left null are not set.</summary>
    public IReadOnlyDictionary<string, ArticleMetadataPatch> Articles { get; init; } = new Dictionary<string, ArticleMetadataPatch>();

    public static SourceCatalog Empty { get; } = new();
}
