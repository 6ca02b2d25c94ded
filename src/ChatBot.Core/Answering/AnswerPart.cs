namespace ChatBot.Core.Answering;

/// <summary>A part of the answer text; <see cref="Answer.Text"/> is the parts joined by blank lines.</summary>
public sealed record AnswerPart(AnswerPartKind Kind, string Text)
{
    /// <summary>The heading channels give the <see cref="AnswerPartKind.Disagreements"/> part.</summary>
    public const string DisagreementsHeading = "Where reports disagree";

    /// <summary>
    /// The text without the heading the composer's template may open the part with, as a channel that sets the heading
    /// apart must not show it twice: a first line that is <paramref name="heading"/> alone (or with a colon or full
    /// stop) is dropped with the blank lines after it; "heading: text" keeps its text. Anything else, "Where reports
    /// disagree on the toll:" included, comes back as it is; the lines after the heading keep their indentation.
    /// </summary>
    public string TextAfterHeading(string heading)
    {
        ArgumentException.ThrowIfNullOrEmpty(heading);
        var text = Text.AsSpan().TrimStart();
        if (!text.StartsWith(heading, StringComparison.OrdinalIgnoreCase))
        {
            return Text;
        }

        var rest = text[heading.Length..];
        var end = rest.IndexOf('\n');
        var line = (end < 0 ? rest : rest[..end]).Trim();
        if (line.IsEmpty || line is ":" || line is ".")
        {
            return end < 0 ? string.Empty : rest[(end + 1)..].TrimStart("\r\n").ToString();
        }

        return rest[0] == ':' ? rest[1..].TrimStart(" \t").ToString() : Text;
    }
}
