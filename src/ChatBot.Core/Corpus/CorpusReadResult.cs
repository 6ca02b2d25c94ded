namespace ChatBot.Core.Corpus;

/// <summary>What one corpus file yielded: its articles (a .jsonl file holds many) and any warnings.</summary>
public sealed record CorpusReadResult(IReadOnlyList<Article> Articles, IReadOnlyList<CorpusWarning> Warnings);
