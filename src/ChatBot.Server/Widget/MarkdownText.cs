using System.Buffers;
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

    // The characters Escape must look at: the special ones and the control characters (dropped, a tab becomes a
    // space). Everything between two of them is copied as one run, where a per-character look-up cost most of the
    // Web Chat renderer's time.
    private static readonly SearchValues<char> Stops = SearchValues.Create(
        Special + string.Concat(Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsControl)));

    /// <summary>The text, escaped for Markdown; line breaks are kept as they are.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        var stop = rest.IndexOfAny(Stops);
        if (stop < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        while (stop >= 0)
        {
            builder.Append(rest[..stop]);
            var c = rest[stop];
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (c is '\n' or '\t')
            {
                // Control characters other than line breaks and tabs carry nothing a reader needs.
                builder.Append(c == '\t' ? ' ' : c);
            }

            rest = rest[(stop + 1)..];
            stop = rest.IndexOfAny(Stops);
        }

        return builder.Append(rest).ToString();
    }

    /// <summary>Escaped text on one line (for a link title or list item): line breaks become spaces.</summary>
    public static string EscapeInline(string text) =>
        Escape(text.ReplaceLineEndings(" "));
}
