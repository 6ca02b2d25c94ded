namespace ChatBot.Core.Analysis;

/// <summary>A token as the tokenizer cut it: a stretch of the folded buffer, case as written.</summary>
internal readonly record struct RawToken(int Start, int Length, bool AllCaps);
