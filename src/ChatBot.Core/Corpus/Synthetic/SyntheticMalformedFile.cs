namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>A file (or a .jsonl line, "#LINE") the generator broke on purpose, and how.</summary>
public sealed record SyntheticMalformedFile(string RelativePath, SyntheticMalformedKind Kind);
