namespace ChatBot.Core.Corpus;

/// <summary>A stretch of an article's text: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    public string Of(string text) => text.Substring(Start, Length);
}
