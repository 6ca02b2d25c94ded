namespace ChatBot.Core.Generation;

/// <summary>A sentence of a generated answer with the passage numbers its [n] markers cite, in order of appearance.</summary>
public sealed record AnswerSentence(string Text, IReadOnlyList<int> Citations);
