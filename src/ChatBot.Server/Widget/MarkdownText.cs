using System.Text;

namespace ChatBot.Server.Widget;

/// <summary>
/// Turns bot output (article sentences, questions, outlet names) into Markdown that renders as the same literal text:
/// every character Markdown or Web Chat could read as markup is backslash-escaped, so a <c>&lt;script&gt;</c>, an
/// <c>&lt;img onerror&gt;</c> or a <c>[link](javascript:...)</c> in an article shows as text and does nothing.
/// </summary>
public static class MarkdownText
{
    // CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start markup
    // (HTML, links, images, emphasis, code, headings, lists, tables, attributes, entities, autolinks).
    private const string Special = "\\`*_{}[]()<>#+-.!|~&:\"=$^";

    /// <summary>The text, escaped for Markdown; line breaks are kept as they are.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            // Control characters other than line breaks and tabs carry nothing a reader needs.
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                builder.Append(c == '\t' ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escaped text on one line (for a link title or list item): line breaks become spaces.</summary>
    public static string EscapeInline(string text) =>
        Escape(text.ReplaceLineEndings(" "));
}
