using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Core.Answering;

namespace ChatBot.Server.Bot;

/// <summary>
/// Writes an <see cref="Answer"/> as a reply for the channel it goes to. Teams: the text with [n] markers, one root
/// schema.org Message entity carrying Claim citations and the AI-generated label (notes 3.1-3.2, within Teams' and the
/// Agents Playground's limits), the built-in feedback buttons, and up to three follow-ups. Other channels (Emulator,
/// ...): plain text with the sources listed under it.
/// </summary>
public static class AnswerActivityFactory
{
    public const int MaxCitations = 10;
    public const int MaxCitationTitle = 80;
    public const int MaxCitationAbstract = 160;
    public const int MaxKeywordChars = 28;
    public const int MaxTeamsSuggestions = 3;

    public static Activity Create(Activity inbound, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(answer);
        return string.Equals(inbound.ChannelId, "msteams", StringComparison.OrdinalIgnoreCase)
            ? CreateForTeams(inbound, answer)
            : CreatePlain(inbound, answer);
    }

    private static Activity CreateForTeams(Activity inbound, Answer answer)
    {
        var shown = answer.Citations.OrderBy(c => c.N).Take(MaxCitations).ToList();
        var text = new StringBuilder(RenderParts(answer, teams: true));
        var rest = answer.Citations.OrderBy(c => c.N).Skip(MaxCitations).ToList();
        if (rest.Count > 0)
        {
            // Teams shows at most this many citation pop-ups; the others stay readable in the text.
            text.Append("\n\nMore sources: ").AppendJoin("; ", rest.Select(c => TeamsMarkdown($"[{c.N}] {Describe(c)}")));
        }

        var message = new JsonObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
        };
        if (shown.Count > 0)
        {
            message["citation"] = new JsonArray(shown.Select(ToClaim).ToArray());
        }

        return inbound.CreateReply(text.ToString()) with
        {
            TextFormat = "markdown",
            Entities = [Entity.Create("https://schema.org/Message", message)],
            ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } },
            SuggestedActions = Suggestions(answer, MaxTeamsSuggestions),
        };
    }

    private static Activity CreatePlain(Activity inbound, Answer answer)
    {
        var text = new StringBuilder(RenderParts(answer, teams: false));
        if (answer.Citations.Count > 0)
        {
            text.Append("\n\nSources:");
            foreach (var c in answer.Citations.OrderBy(c => c.N))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n[{c.N}] {Describe(c)}: \"{c.Quote}\"");
                if (c.Source is { Length: > 0 })
                {
                    text.Append(CultureInfo.InvariantCulture, $" (citing {c.Source})");
                }

                if (SafeUrl(c.Url) is { } url)
                {
                    text.Append(' ').Append(url);
                }
            }
        }

        return inbound.CreateReply(text.ToString()) with
        {
            TextFormat = "plain",
            SuggestedActions = Suggestions(answer, 5),
        };
    }

    /// <summary>The answer's parts, the disagreements under their own heading and a note set apart.</summary>
    private static string RenderParts(Answer answer, bool teams)
    {
        Func<string, string> escape = teams ? TeamsMarkdown : s => s;
        if (answer.Parts.Count == 0)
        {
            return escape(answer.Text);
        }

        var blocks = new List<string>();
        foreach (var part in answer.Parts)
        {
            var body = escape(part.Text.Trim());
            switch (part.Kind)
            {
                case AnswerPartKind.Disagreements:
                    var disagreements = part.TextAfterHeading(AnswerPart.DisagreementsHeading).Trim();
                    blocks.Add(teams
                        ? $"**{AnswerPart.DisagreementsHeading}**\n\n{escape(disagreements)}"
                        : $"{AnswerPart.DisagreementsHeading}:\n{disagreements}");
                    break;
                case AnswerPartKind.Note:
                    blocks.Add(teams ? $"_{body}_" : $"Note: {body}");
                    break;
                default:
                    blocks.Add(body);
                    break;
            }
        }

        return string.Join("\n\n", blocks);
    }

    /// <summary>Reporting is text, never markup: characters Teams would read as markdown or HTML are escaped.</summary>
    internal static string TeamsMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '*' or '_' or '`' or '~' or '\\' or '#' or '|':
                    sb.Append('\\').Append(ch);
                    break;
                case '(' when i > 0 && text[i - 1] == ']':
                    // "[x](javascript:...)" would become a link; "[Palmyra]" and "[1]" stay as they are.
                    sb.Append("\\(");
                    break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }

    private static JsonObject ToClaim(Citation c)
    {
        var appearance = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Truncate(c.Title is { Length: > 0 } title ? $"{c.Outlet}: {title}" : c.Outlet, MaxCitationTitle),
            ["abstract"] = Truncate(c.IsCaption ? $"Photo caption: {c.Quote}" : c.Quote, MaxCitationAbstract),
        };
        if (SafeUrl(c.Url) is { } url)
        {
            appearance["url"] = url;
        }

        var keywords = new List<string> { c.Outlet };
        if (c.Published is { } published)
        {
            keywords.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (c.Source is { Length: > 0 } source)
        {
            keywords.Add($"citing {source}");
        }

        appearance["keywords"] = new JsonArray(keywords.Take(3).Select(k => (JsonNode?)JsonValue.Create(Truncate(k, MaxKeywordChars))).ToArray());
        return new JsonObject { ["@type"] = "Claim", ["position"] = c.N, ["appearance"] = appearance };
    }

    private static string Describe(Citation c)
    {
        var sb = new StringBuilder(c.Outlet);
        if (c.Title is { Length: > 0 })
        {
            sb.Append(CultureInfo.InvariantCulture, $", \"{c.Title}\"");
        }

        if (c.Published is { } p)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({p:yyyy-MM-dd})");
        }

        if (c.IsCaption)
        {
            sb.Append(", photo caption");
        }

        return sb.ToString();
    }

    private static SuggestedActions? Suggestions(Answer answer, int max)
    {
        var followUps = answer.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Take(max).ToList();
        return followUps.Count == 0
            ? null
            : new SuggestedActions { Actions = followUps.Select(f => new CardAction { Type = "imBack", Title = f, Value = f }).ToList() };
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary>At most <paramref name="max"/> characters, an ellipsis marking a cut, never splitting a surrogate pair.</summary>
    internal static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
