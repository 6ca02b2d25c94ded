using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBot.Core.Corpus;

/// <summary>
/// The readable text of a saved web page: scripts, styles, navigation, headers, footers, asides and forms dropped;
/// block elements become line breaks; entities decoded. Also what the page's head says: title (the first h1, else
/// &lt;title&gt;), author, published time, canonical URL, language, site name.
/// </summary>
/// <remarks>Stateless and thread-safe; tolerant of broken markup (it never throws on bad HTML).</remarks>
public static partial class HtmlTextExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe", "button", "select", "head", "object", "canvas",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure",
        "figcaption", "table", "tr", "dl", "dt", "dd", "pre", "hr", "address", "details", "summary", "body", "caption",
    };

    /// <summary>Extracts text and metadata; <see cref="HtmlPage.Metadata"/> leaves unset what the page does not say.</summary>
    public static HtmlPage Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var sb = new StringBuilder(html.Length / 2);
        string? h1 = null;
        var title = TitleRegex().Match(html) is { Success: true } t ? TextBlocks.Normalize(WebUtility.HtmlDecode(t.Groups["v"].Value)) : null;
        StringBuilder? capture = null;
        var pos = 0;
        while (pos < html.Length)
        {
            var lt = html.IndexOf('<', pos);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > pos)
            {
                var decoded = WebUtility.HtmlDecode(html[pos..textEnd]);
                AppendText(sb, decoded);
                capture?.Append(decoded);
            }

            if (lt < 0)
            {
                break;
            }

            if (html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                pos = close < 0 ? html.Length : close + 3;
                continue;
            }

            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var tag = TagRegex().Match(html, lt, gt - lt + 1);
            pos = gt + 1;
            if (!tag.Success)
            {
                continue;
            }

            var closing = tag.Groups["close"].Success;
            var name = tag.Groups["name"].Value;
            if (!closing && name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</title", pos, StringComparison.OrdinalIgnoreCase);
                var inner = end < 0 ? string.Empty : html[pos..end];
                title ??= TextBlocks.Normalize(WebUtility.HtmlDecode(inner));
                pos = end < 0 ? pos : SkipPast(html, end);
                continue;
            }

            if (!closing && Dropped.Contains(name) && !tag.Groups["self"].Success)
            {
                pos = SkipElement(html, pos, name);
                continue;
            }

            if (name.Equals("h1", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing && h1 is null)
                {
                    capture = new StringBuilder();
                }
                else if (closing && capture is not null)
                {
                    h1 = TextBlocks.Normalize(capture.ToString());
                    capture = null;
                }
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                TrimTrailingSpaces(sb);
                sb.Append('\n');
            }
            else if (Blocks.Contains(name))
            {
                TrimTrailingSpaces(sb);
                if (sb.Length > 0 && !EndsWith(sb, "\n\n"))
                {
                    sb.Append(EndsWith(sb, "\n") ? "\n" : "\n\n");
                }
            }
        }

        var text = sb.ToString().Trim();
        var meta = new ArticleMetadataPatch
        {
            Title = string.IsNullOrWhiteSpace(h1) ? NullIfEmpty(title) : h1,
            Byline = Meta(html, "name", "author") ?? Meta(html, "property", "article:author"),
            Published = TextDates.TryParseDate(Meta(html, "property", "article:published_time") ?? Meta(html, "name", "date") ?? Meta(html, "itemprop", "datePublished") ?? string.Empty, out var d) ? d : null,
            Url = Canonical(html) ?? Meta(html, "property", "og:url"),
            Language = LangRegex().Match(html) is { Success: true } lang ? WebUtility.HtmlDecode(lang.Groups["v"].Value) : null,
            Outlet = Meta(html, "property", "og:site_name"),
        };
        return new HtmlPage(text, meta);
    }

    private static void AppendText(StringBuilder sb, string decoded)
    {
        foreach (var c in decoded)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void TrimTrailingSpaces(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
    }

    private static bool EndsWith(StringBuilder sb, string s) => sb.Length >= s.Length && sb.ToString(sb.Length - s.Length, s.Length) == s;

    private static int SkipPast(string html, int at)
    {
        var gt = html.IndexOf('>', at);
        return gt < 0 ? html.Length : gt + 1;
    }

    /// <summary>Skips to after the matching close tag of an element (nesting of the same name counted).</summary>
    private static int SkipElement(string html, int pos, string name)
    {
        var rawText = name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase);
        var depth = 1;
        while (pos < html.Length)
        {
            var close = html.IndexOf("</" + name, pos, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                return html.Length;
            }

            if (!rawText)
            {
                var open = html.IndexOf("<" + name, pos, StringComparison.OrdinalIgnoreCase);
                while (open >= 0 && open < close && !IsNameEnd(html, open + 1 + name.Length))
                {
                    open = html.IndexOf("<" + name, open + 1, StringComparison.OrdinalIgnoreCase);
                }

                if (open >= 0 && open < close)
                {
                    depth++;
                    pos = open + 1;
                    continue;
                }
            }

            pos = SkipPast(html, close);
            if (--depth == 0)
            {
                return pos;
            }
        }

        return html.Length;
    }

    private static bool IsNameEnd(string html, int i) => i >= html.Length || html[i] is '>' or ' ' or '/' or '\t' or '\n' or '\r';

    private static string? Meta(string html, string attribute, string value)
    {
        foreach (Match m in MetaRegex().Matches(html))
        {
            var attrs = m.Value;
            var key = AttributeValue(attrs, attribute);
            if (key is not null && key.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return NullIfEmpty(AttributeValue(attrs, "content"));
            }
        }

        return null;
    }

    private static string? Canonical(string html)
    {
        foreach (Match m in LinkRegex().Matches(html))
        {
            if (AttributeValue(m.Value, "rel")?.Equals("canonical", StringComparison.OrdinalIgnoreCase) == true)
            {
                return NullIfEmpty(AttributeValue(m.Value, "href"));
            }
        }

        return null;
    }

    private static string? AttributeValue(string tag, string attribute)
    {
        var m = Regex.Match(tag, @"\s" + Regex.Escape(attribute) + @"\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return m.Success ? WebUtility.HtmlDecode(m.Groups["v"].Value).Trim() : null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [GeneratedRegex(@"\G<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(?<self>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"<title\b[^>]*>(?<v>.*?)</title", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaRegex();

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"<html\b[^>]*\slang\s*=\s*[""']?(?<v>[A-Za-z-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangRegex();
}
