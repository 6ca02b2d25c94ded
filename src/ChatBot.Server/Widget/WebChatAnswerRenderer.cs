using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Answering;
using ChatBot.Server.DirectLine;

namespace ChatBot.Server.Widget;

/// <summary>
/// Renders an answer as a Web Chat 4.18 message: Markdown whose <c>[n]</c> markers are reference links to
/// <c>cite:n</c> definitions, matched by position to the Claim citations of one schema.org Message entity (so each
/// citation opens a dialog with outlet, headline, date and the exact quote); the disagreements under their own heading
/// (the page turns it into a labelled region); thumbs up/down as Like/DislikeAction; follow-ups as suggested actions.
/// Everything from the reporting or the user is escaped first (<see cref="MarkdownText"/>): text, never markup.
/// </summary>
public static partial class WebChatAnswerRenderer
{
    /// <summary>The prefix of the <c>@id</c> of the feedback actions; the answer key and the vote follow it.</summary>
    public const string FeedbackIdPrefix = "urn:chatbot:answer:";

    private const int MaxFollowUps = 4;

    public static ChannelAccount Bot { get; } = new("chatbot", "ChatBot", "bot");

    public static DirectLineActivity Render(Answer answer, string answerKey, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var cited = answer.Citations.Select(c => c.N).ToHashSet();
        var markdown = new StringBuilder();
        var parts = answer.Parts.Count > 0 ? answer.Parts : [new AnswerPart(answer.Refused ? AnswerPartKind.Note : AnswerPartKind.Summary, answer.Text)];
        foreach (var part in parts)
        {
            AppendPart(markdown, part, cited);
        }

        foreach (var citation in answer.Citations.OrderBy(c => c.N))
        {
            markdown.Append(CultureInfo.InvariantCulture, $"[{citation.N}]: cite:{citation.N} \"{MarkdownText.EscapeInline(CitationName(citation))}\"\n");
        }

        var message = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["citation"] = new JsonArray([.. answer.Citations.OrderBy(c => c.N).Select(Claim)]),
            ["potentialAction"] = new JsonArray(
                new JsonObject { ["@type"] = "LikeAction", ["@id"] = $"{FeedbackIdPrefix}{answerKey}:like" },
                new JsonObject { ["@type"] = "DislikeAction", ["@id"] = $"{FeedbackIdPrefix}{answerKey}:dislike" }),
        };

        var followUps = answer.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Take(MaxFollowUps)
            .Select(f => new CardAction("imBack", f, JsonValue.Create(f)))
            .ToList();

        return new DirectLineActivity
        {
            Type = "message",
            From = Bot,
            Text = markdown.ToString().TrimEnd(),
            TextFormat = "markdown",
            InputHint = "acceptingInput",
            ReplyToId = replyToId,
            Entities = [message],
            SuggestedActions = followUps.Count > 0 ? new SuggestedActions(followUps) : null,
        };
    }

    /// <summary>A plain bot message (greeting, thanks, a question with chips); the text is escaped.</summary>
    public static DirectLineActivity Say(string text, IReadOnlyList<CardAction>? actions = null, string? replyToId = null) => new()
    {
        Type = "message",
        From = Bot,
        Text = MarkdownText.Escape(text),
        TextFormat = "markdown",
        ReplyToId = replyToId,
        SuggestedActions = actions is { Count: > 0 } ? new SuggestedActions(actions) : null,
    };

    /// <summary>Tries to read "answer key" and "like/dislike" from a feedback action's <c>@id</c>.</summary>
    public static bool TryParseFeedbackId(string? id, out string answerKey, out bool helpful)
    {
        answerKey = "";
        helpful = false;
        if (id is null || !id.StartsWith(FeedbackIdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = id[FeedbackIdPrefix.Length..];
        var colon = rest.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        answerKey = rest[..colon];
        helpful = rest[(colon + 1)..] == "like";
        return helpful || rest[(colon + 1)..] == "dislike";
    }

    internal static string CitationName(Citation citation)
    {
        var date = citation.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
        var title = string.IsNullOrWhiteSpace(citation.Title) ? "untitled" : citation.Title.Trim();
        return $"{citation.Outlet}: {title} ({date})";
    }

    private static void AppendPart(StringBuilder markdown, AnswerPart part, HashSet<int> cited)
    {
        var paragraphs = part.Text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        switch (part.Kind)
        {
            case AnswerPartKind.Disagreements:
                markdown.Append(CultureInfo.InvariantCulture, $"### {AnswerPart.DisagreementsHeading}\n\n");
                // The composer's template writes a lead line, "- " items and indented "  - " positions under them.
                var lines = part.TextAfterHeading(AnswerPart.DisagreementsHeading).ReplaceLineEndings("\n")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(l => l.Trim().Length > 0);
                foreach (var line in lines)
                {
                    var nested = line.Length > line.TrimStart().Length && line.TrimStart().StartsWith('-');
                    var isItem = line.TrimStart().StartsWith('-') || line.TrimStart().StartsWith('•');
                    var content = WithCitations(line.TrimStart().TrimStart('-', '•', '*').Trim(), cited);
                    markdown.Append(nested ? "  - " : isItem ? "- " : string.Empty).Append(content).Append(isItem ? "\n" : "\n\n");
                }

                markdown.Append('\n');
                break;
            case AnswerPartKind.Note:
                foreach (var paragraph in paragraphs)
                {
                    markdown.Append('*').Append(WithCitations(paragraph, cited)).Append("*\n\n");
                }

                break;
            default:
                foreach (var paragraph in paragraphs)
                {
                    markdown.Append(WithCitations(paragraph, cited)).Append("\n\n");
                }

                break;
        }
    }

    /// <summary>Escapes the text but keeps each <c>[n]</c> whose n is a real citation as a reference link.</summary>
    private static string WithCitations(string text, HashSet<int> cited)
    {
        if (!text.Contains('[', StringComparison.Ordinal))
        {
            // No marker to keep (most lines): the escaped text, without the regex scan and the builder.
            return MarkdownText.Escape(text);
        }

        var builder = new StringBuilder();
        var last = 0;
        foreach (Match match in CitationMarker().Matches(text))
        {
            if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || !cited.Contains(n))
            {
                continue;
            }

            // The full reference form [n][n] keeps adjacent markers ([1][2]) apart.
            builder.Append(MarkdownText.Escape(text[last..match.Index])).Append(CultureInfo.InvariantCulture, $"[{n}][{n}]");
            last = match.Index + match.Length;
        }

        return builder.Append(MarkdownText.Escape(text[last..])).ToString();
    }

    private static JsonObject Claim(Citation citation)
    {
        var quote = citation.Quote.ReplaceLineEndings(" ").Trim();
        var details = new StringBuilder();
        details.Append("> ").Append(MarkdownText.EscapeInline(quote)).Append("\n\n");
        details.Append("**").Append(MarkdownText.EscapeInline(citation.Outlet)).Append("**");
        if (!string.IsNullOrWhiteSpace(citation.Title))
        {
            details.Append(", *").Append(MarkdownText.EscapeInline(citation.Title.Trim())).Append('*');
        }

        details.Append(", ").Append(citation.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "date not given");
        if (citation.IsCaption)
        {
            details.Append(" (a photo caption)");
        }

        if (!string.IsNullOrWhiteSpace(citation.Source))
        {
            details.Append("\n\nThe outlet attributes this to ").Append(MarkdownText.EscapeInline(citation.Source)).Append('.');
        }

        if (Uri.TryCreate(citation.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            var href = url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
                .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
            details.Append("\n\n[Open the article](").Append(href).Append(')');
        }

        return new JsonObject
        {
            ["@type"] = "Claim",
            ["position"] = citation.N,
            ["appearance"] = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = CitationName(citation),
                ["identifier"] = citation.ArticleId,
                ["abstract"] = quote.Length <= 160 ? quote : string.Concat(quote.AsSpan(0, 159), "…"),
                ["text"] = details.ToString(),
            },
        };
    }

    [GeneratedRegex(@"\[(\d{1,3})\]", RegexOptions.CultureInvariant)]
    private static partial Regex CitationMarker();
}
