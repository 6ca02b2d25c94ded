namespace ChatBot.Core.Answering;

/// <summary>A part of the answer text; <see cref="Answer.Text"/> is the parts joined by blank lines.</summary>
public sealed record AnswerPart(AnswerPartKind Kind, string Text);
