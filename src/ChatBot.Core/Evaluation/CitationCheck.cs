namespace ChatBot.Core.Evaluation;

/// <summary>One [n] marker of an answer checked against its citation's quote.</summary>
/// <param name="N">The marker's number.</param>
/// <param name="Span">The answer text the marker is attached to (markers removed).</param>
/// <param name="Verdict">Whether the quote supports it.</param>
public sealed record CitationCheck(int N, string Span, SupportVerdict Verdict);
