using System.Globalization;
using System.Net;
using System.Text;

namespace ChatBot.Core.Corpus.Synthetic;

/// <summary>
/// Renders a <see cref="SyntheticArticle"/> as its outlet's saved page: the reporting wrapped in headline, byline,
/// dateline, captions, ads, share prompts, related links and reader comments, as scraped pages come.
/// </summary>
internal static class SyntheticPageRenderer
{
    private static readonly string[] Cities = ["BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "GAZIANTEP", "ERBIL"];

    /// <summary>The page text and the file extension for it.</summary>
    public static (string Text, string Extension) Render(SyntheticArticle article, SyntheticOutletStyle style, long seed, int index)
    {
        var r = new SyntheticRandom(seed, 5, index);
        var sb = new StringBuilder(6 * 1024);
        switch (style)
        {
            case SyntheticOutletStyle.Wire:
                Wire(sb, article, ref r);
                return (sb.ToString(), ".txt");
            case SyntheticOutletStyle.Newspaper:
                Newspaper(sb, article, ref r, signed: true);
                return (sb.ToString(), ".txt");
            case SyntheticOutletStyle.Html:
                Html(sb, article, ref r);
                return (sb.ToString(), ".html");
            default:
                Blog(sb, article, ref r);
                return (sb.ToString(), ".md");
        }
    }

    /// <summary>A page of an outlet sources.yaml does not know: no signature, no metadata.</summary>
    public static string RenderUnsigned(SyntheticArticle article, long seed, int index)
    {
        var r = new SyntheticRandom(seed, 6, index);
        var sb = new StringBuilder(6 * 1024);
        Newspaper(sb, article, ref r, signed: false);
        return sb.ToString();
    }

    /// <summary>"Oct. 11", "March 3", "Sept. 9" (news-agency month style).</summary>
    public static string AgencyDate(DateOnly date)
    {
        var month = date.Month switch
        {
            1 => "Jan.", 2 => "Feb.", 3 => "March", 4 => "April", 5 => "May", 6 => "June", 7 => "July",
            8 => "Aug.", 9 => "Sept.", 10 => "Oct.", 11 => "Nov.", _ => "Dec.",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{month} {date.Day}");
    }

    /// <summary>The reporting body as a .json or .jsonl article carries it: the dateline, then the paragraphs.</summary>
    public static string Body(SyntheticArticle article, long seed, int index)
    {
        var r = new SyntheticRandom(seed, 7, index);
        var sb = new StringBuilder(4 * 1024);
        sb.Append(r.Pick(Cities)).Append(", ").Append(AgencyDate(article.Published)).Append(" -- ");
        AppendParagraphs(sb, article.Paragraphs, "\n\n");
        return sb.ToString();
    }

    private static void Wire(StringBuilder sb, SyntheticArticle a, ref SyntheticRandom r)
    {
        var hour = r.Between(1, 12);
        var minute = r.Next(60);
        sb.Append(a.Title).Append('\n');
        sb.Append("By ").Append(a.Byline).Append("  |  ").Append(AgencyDate(a.Published)).Append(", ")
          .Append(a.Published.Year.ToString(CultureInfo.InvariantCulture)).Append(" at ")
          .Append(string.Create(CultureInfo.InvariantCulture, $"{hour}:{minute:D2} {(r.Chance(0.5) ? "AM" : "PM")}")).Append('\n');
        sb.Append("Share on Facebook | Share on Twitter | Email\n\n");
        sb.Append(r.Pick(Cities)).Append(", ").Append(AgencyDate(a.Published)).Append(" (Levant Wire) -- ");
        for (var i = 0; i < a.Paragraphs.Count; i++)
        {
            sb.Append(a.Paragraphs[i]).Append("\n\n");
            if (i == 1 && a.Captions.Count > 0)
            {
                sb.Append(a.Captions[0]).Append(". Photo by ").Append(Person(ref r)).Append("/Levant Wire\n\n");
            }

            if (i == 4)
            {
                sb.Append("Advertisement\n\n");
            }
        }

        sb.Append("Copyright ").Append(a.Published.Year.ToString(CultureInfo.InvariantCulture)).Append(" by Levant Wire. All rights reserved.\n\n");
        RelatedText(sb, a);
    }

    private static void Newspaper(StringBuilder sb, SyntheticArticle a, ref SyntheticRandom r, bool signed)
    {
        sb.Append(a.Title).Append('\n');
        if (a.Standfirst is not null)
        {
            sb.Append(a.Standfirst).Append('\n');
        }

        sb.Append(a.Byline).Append('\n');
        sb.Append(a.Published.ToString("d MMMM, yyyy", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var caption in a.Captions)
        {
            sb.Append(caption).Append(" [").Append(r.Pick(SyntheticVocabulary.Agencies)).Append("] |\n");
        }

        for (var i = 0; i < a.Paragraphs.Count; i++)
        {
            sb.Append(a.Paragraphs[i]).Append('\n');
            if (i == 3)
            {
                sb.Append("Advertisement\n");
            }
        }

        sb.Append("Share this article\n");
        if (signed)
        {
            sb.Append("Follow us on Twitter and Facebook. (c) Orontes Post Media Group ").Append(a.Published.Year.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        RelatedText(sb, a);
        if (a.Comments.Count > 0)
        {
            sb.Append("Comments\n").Append(a.Comments.Count.ToString(CultureInfo.InvariantCulture)).Append(" comments\n");
            foreach (var comment in a.Comments)
            {
                sb.Append(comment).Append("\nReply\n");
            }
        }
    }

    private static void Html(StringBuilder sb, SyntheticArticle a, ref SyntheticRandom r)
    {
        var title = WebUtility.HtmlEncode(a.Title);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title)
          .Append(" | Euphrates Daily</title>\n<link rel=\"canonical\" href=\"").Append(a.Url).Append("\">\n</head>\n<body>\n");
        sb.Append("<header><nav><a href=\"/\">Home</a> <a href=\"/syria\">Syria</a> <a href=\"/opinion\">Opinion</a> <a href=\"/subscribe\">Subscribe</a></nav></header>\n");
        sb.Append("<article>\n<h1>").Append(title).Append("</h1>\n");
        if (a.Standfirst is not null)
        {
            sb.Append("<p class=\"standfirst\">").Append(WebUtility.HtmlEncode(a.Standfirst)).Append("</p>\n");
        }

        sb.Append("<p class=\"byline\">By ").Append(WebUtility.HtmlEncode(a.Byline)).Append("</p>\n");
        sb.Append("<time datetime=\"").Append(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
          .Append(a.Published.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time>\n");
        for (var i = 0; i < a.Paragraphs.Count; i++)
        {
            if (i == 1 && a.Captions.Count > 0)
            {
                sb.Append("<figure><img src=\"/img/").Append(a.Id).Append(".jpg\" alt=\"\"><figcaption>")
                  .Append(WebUtility.HtmlEncode(a.Captions[0])).Append(". Photo by ").Append(Person(ref r)).Append('/')
                  .Append(r.Pick(SyntheticVocabulary.Agencies)).Append("</figcaption></figure>\n");
            }

            sb.Append("<p>").Append(WebUtility.HtmlEncode(a.Paragraphs[i])).Append("</p>\n");
            if (i == 2)
            {
                sb.Append("<div class=\"ad\">Advertisement</div>\n");
            }
        }

        sb.Append("<div class=\"share\">Share this article: Facebook Twitter WhatsApp Email</div>\n</article>\n");
        sb.Append("<aside class=\"related\"><h2>Related Posts</h2>\n<ul>\n");
        foreach (var related in a.Related)
        {
            sb.Append("<li><a href=\"/syria/").Append(Slug(related)).Append("\">").Append(WebUtility.HtmlEncode(related)).Append("</a></li>\n");
        }

        sb.Append("</ul></aside>\n");
        if (a.Comments.Count > 0)
        {
            sb.Append("<section class=\"comments\"><h2>").Append(a.Comments.Count.ToString(CultureInfo.InvariantCulture)).Append(" Comments</h2>\n");
            foreach (var comment in a.Comments)
            {
                var cut = comment.IndexOf('\n', StringComparison.Ordinal);
                sb.Append("<div class=\"comment\"><p class=\"author\">").Append(WebUtility.HtmlEncode(comment[..cut]))
                  .Append("</p><p>").Append(WebUtility.HtmlEncode(comment[(cut + 1)..])).Append("</p></div>\n");
            }

            sb.Append("</section>\n");
        }

        sb.Append("<footer>&copy; ").Append(a.Published.Year.ToString(CultureInfo.InvariantCulture)).Append(" Euphrates Daily. All rights reserved.</footer>\n</body>\n</html>\n");
    }

    private static void Blog(StringBuilder sb, SyntheticArticle a, ref SyntheticRandom r)
    {
        sb.Append("---\ntitle: \"").Append(a.Title.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
        sb.Append("published: ").Append(a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("byline: ").Append(a.Byline).Append('\n');
        if (r.Chance(0.5))
        {
            sb.Append("outlet: ").Append(a.Outlet).Append('\n');
        }

        sb.Append("---\n\n# ").Append(a.Title).Append("\n\n");
        sb.Append(a.Published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append(" · by ").Append(a.Byline).Append("\n\n");
        for (var i = 0; i < a.Paragraphs.Count; i++)
        {
            sb.Append(a.Paragraphs[i]).Append("\n\n");
            if (i == 0)
            {
                foreach (var caption in a.Captions)
                {
                    sb.Append('*').Append(caption).Append(". Photo by ").Append(Person(ref r)).Append('/').Append(r.Pick(SyntheticVocabulary.Agencies)).Append("*\n\n");
                }
            }
        }

        sb.Append("**Share:** Twitter · Facebook · Email\n\nRelated Posts\n\n");
        foreach (var related in a.Related)
        {
            sb.Append("- [").Append(related).Append("](/").Append(Slug(related)).Append(")\n");
        }

        if (a.Comments.Count > 0)
        {
            sb.Append('\n').Append(a.Comments.Count.ToString(CultureInfo.InvariantCulture)).Append(" Responses to \"").Append(a.Title).Append("\"\n\n");
            foreach (var comment in a.Comments)
            {
                var cut = comment.IndexOf('\n', StringComparison.Ordinal);
                sb.Append("**").Append(comment.AsSpan(0, cut)).Append("** says:\n").Append(comment.AsSpan(cut + 1)).Append("\n\n");
            }
        }
    }

    private static void RelatedText(StringBuilder sb, SyntheticArticle a)
    {
        sb.Append("Related Posts\n");
        foreach (var related in a.Related)
        {
            sb.Append(related).Append('\n');
        }
    }

    private static void AppendParagraphs(StringBuilder sb, IReadOnlyList<string> paragraphs, string separator)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(separator);
            }

            sb.Append(paragraphs[i]);
        }
    }

    private static string Person(ref SyntheticRandom r) => $"{r.Pick(SyntheticVocabulary.FirstNames)} {r.Pick(SyntheticVocabulary.LastNames)}";

    private static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
