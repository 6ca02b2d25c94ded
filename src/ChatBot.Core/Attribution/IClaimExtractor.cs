using ChatBot.Core.Corpus;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Works out, for every sentence of an article's passages, who asserts it, how it is hedged, the figures it states
/// and the time it refers to. Attribution may come from another sentence or paragraph of the same article.
/// </summary>
/// <remarks>Thread-safe and pure: the same article gives the same claims. Called at index time for every article.</remarks>
public interface IClaimExtractor
{
    /// <summary>One claim per sentence of <paramref name="passages"/>, in sentence order; sources and their kinds come from <paramref name="catalog"/>.</summary>
    IReadOnlyList<Claim> Extract(Article article, IReadOnlyList<Passage> passages, SourceCatalog catalog);
}
