namespace ChatBot.Core.Corpus;

/// <summary>
/// A paragraph of raw text: one line, a blank-line-separated block, or hard-wrapped lines joined. <see cref="Start"/>
/// and <see cref="End"/> delimit it in the article text, surrounding white space excluded.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Normalized">The block with every run of white space (line breaks, non-breaking spaces) one space.</param>
/// <param name="Indent">Leading spaces of its first line.</param>
internal sealed record TextBlock(int Start, int End, string Normalized, int Indent);
