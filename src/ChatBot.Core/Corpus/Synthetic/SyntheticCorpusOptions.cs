namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>What to generate: the same options always give byte-identical output.</summary>
public sealed record SyntheticCorpusOptions
{
    /// <summary>Well-formed articles to write (the few malformed files come on top).</summary>
    public required int Articles { get; init; }

    public long Seed { get; init; } = 42;

    public SyntheticCorpusFormat Format { get; init; } = SyntheticCorpusFormat.Files;

    /// <summary>One malformed file of each kind per this many articles (at least one of each kind in any corpus).</summary>
    public int MalformedEvery { get; init; } = 1000;

    /// <summary>Replace an earlier synthetic corpus in the output folder (only one this generator wrote).</summary>
    public bool ReplaceExisting { get; init; }
}
