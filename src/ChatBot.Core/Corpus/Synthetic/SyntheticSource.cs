namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>A party the synthetic reporting cites, as written to sources.yaml.</summary>
internal sealed record SyntheticSource(string Name, IReadOnlyList<string> Aliases, SourceKind Kind);
