using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>What an index update did. An update of an unchanged corpus reports zero added, updated and removed.</summary>
public sealed record IndexBuildReport
{
    public int Added { get; init; }

    public int Updated { get; init; }

    public int Removed { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Articles in the index after the update.</summary>
    public int Articles { get; init; }

    public int Passages { get; init; }

    /// <summary>Bytes of article text ingested by this update.</summary>
    public long BytesIngested { get; init; }

    /// <summary>True when the whole index was rebuilt (first build, or aliases/analysis changed).</summary>
    public bool FullRebuild { get; init; }

    public TimeSpan Elapsed { get; init; }

    public IReadOnlyList<CorpusWarning> Warnings { get; init; } = [];

    public bool Changed => Added + Updated + Removed > 0 || FullRebuild;
}
