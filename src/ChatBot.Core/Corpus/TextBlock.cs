namespace ChatBot.Core.Corpus;

/// <summary>
/// A paragraph of raw text: one line, a blank-line-separated block, or hard-wrapped lines joined. <see cref="Start"/>
/// and <see cref="End"/> delimit it in the article text, surrounding white space excluded.
/// </summary>
/// <param name="Text">The article text the block is part of.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Indent">Leading spaces of its first line.</param>
/// <param name="IsNormal">True when the block is already <see cref="Normalized"/> as it stands in the text.</param>
internal sealed record TextBlock(string Text, int Start, int End, int Indent, bool IsNormal)
{
    /// <summary>The block with every run of white space (line breaks, non-breaking spaces) one space.</summary>
    /// <remarks>Made on first use: most paragraphs are only looked at through <see cref="NormalizedSpan"/>.</remarks>
    public string Normalized => field ??= TextBlocks.Normalize(Text.AsSpan(Start, End - Start));

    /// <summary><see cref="Normalized"/> without copying a block that is normal already (nearly all of them).</summary>
    public ReadOnlySpan<char> NormalizedSpan => IsNormal ? Text.AsSpan(Start, End - Start) : Normalized;
}
