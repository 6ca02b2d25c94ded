using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Indexing;

/// <summary>Every sentence in the outlet's own voice; optionally one sentence gets a source, to see claims stored and read back.</summary>
internal sealed class PlainClaimExtractor : IClaimExtractor
{
    public string? SourceForEverySentence { get; init; }

    public IReadOnlyList<Claim> Extract(Article article, IReadOnlyList<Passage> passages, SourceCatalog catalog) =>
        passages.SelectMany(p => p.Sentences)
            .Select(s => new Claim
            {
                SentenceIndex = s.Index,
                Source = SourceForEverySentence is null ? null : new AttributedSource { Name = SourceForEverySentence, Kind = SourceKind.Monitor, Cue = "said" },
            })
            .ToList();
}
