namespace ChatBot.Core.Answering;

/// <summary>A part of the answer text; <see cref="Answer.Text"/> is the parts joined by blank lines.</summary>
public sealed record AnswerPart(AnswerPartKind Kind, string Text)
{
    /// <summary>The heading channels give the <see cref="AnswerPartKind.Disagreements"/> part.</summary>
    public const string DisagreementsHeading = "Where reports disagree";

    /// <summary>
    /// The text without a first line that is <paramref name="heading"/> (followed by a colon, a full stop or nothing):
    /// the composer's template may open the part with its heading, and a channel that sets the heading apart must not
    /// show it twice. Text that does not open with the heading comes back as it is.
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
        return rest.Length == 0 || rest[0] is ':' or '.' || char.IsWhiteSpace(rest[0])
            ? rest.TrimStart(":. \t\r\n").ToString()
            : Text;
    }
}
