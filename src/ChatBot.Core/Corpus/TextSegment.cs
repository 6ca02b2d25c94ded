namespace ChatBot.Core.Corpus;

/// <summary>A classified stretch of an article's text: <c>Text.Substring(Start, Length)</c>.</summary>
public sealed record TextSegment(SegmentKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
