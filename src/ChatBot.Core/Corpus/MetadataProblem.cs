namespace ChatBot.Core.Corpus;

/// <summary>Something wrong in a metadata block (front matter, sidecar, sources.yaml entry, JSON object), with its 1-based line.</summary>
internal sealed record MetadataProblem(int Line, string Reason);
