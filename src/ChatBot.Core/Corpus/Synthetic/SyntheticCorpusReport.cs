namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>What a generation wrote.</summary>
public sealed record SyntheticCorpusReport
{
    public required string Directory { get; init; }

    public required int Articles { get; init; }

    /// <summary>Files written, sources.yaml and aliases.yaml included.</summary>
    public required int Files { get; init; }

    /// <summary>Bytes of article files written (metadata files excluded).</summary>
    public required long Bytes { get; init; }

    public required IReadOnlyList<string> Outlets { get; init; }

    public required IReadOnlyList<SyntheticMalformedFile> Malformed { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
