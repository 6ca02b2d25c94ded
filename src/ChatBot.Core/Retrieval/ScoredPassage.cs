namespace ChatBot.Core.Retrieval;

/// <summary>A passage (by index rowid) with its BM25 score and the bit set of the question terms it contains.</summary>
internal sealed record ScoredPassage(long RowId, double Score, int TermBits);
