namespace ChatBot.Core.Corpus;

/// <summary>A sentence of an article: <see cref="Text"/> is exactly <c>article.Text.Substring(Start, Text.Length)</c>.</summary>
public sealed record Sentence
{
    /// <summary>Position of the sentence among all sentences of its article (0-based), across passages.</summary>
    public required int Index { get; init; }

    /// <summary>Offset of the sentence in the article text.</summary>
    public required int Start { get; init; }

    /// <summary>The exact text, non-breaking spaces and hard line breaks included.</summary>
    public required string Text { get; init; }
}
