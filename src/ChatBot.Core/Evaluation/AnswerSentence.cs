namespace ChatBot.Core.Evaluation;

/// <summary>A sentence of an answer that the citation metrics count, with the [n] markers it carries.</summary>
/// <param name="Text">The sentence as written, markers included.</param>
/// <param name="Markers">The citation numbers in order of appearance.</param>
public sealed record AnswerSentence(string Text, IReadOnlyList<int> Markers);
