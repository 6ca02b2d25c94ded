using System.Globalization;
using System.Text;
using ChatBot.Core.Answering;
using ChatBot.Server.DirectLine;

namespace ChatBot.Server.Widget;

/// <summary>
/// Renders <see cref="AnswerTrace"/> for the editors' view: the standalone question, the passages with scores, the
/// claims and disputes, and the prompt used. Sent only in conversations opened with the editor key. All escaped.
/// </summary>
public static class EditorTraceRenderer
{
    public const string Heading = "How this answer was made (editors' view)";

    private const int MaxPassages = 12;
    private const int MaxClaims = 20;
    private const int MaxPassageChars = 400;
    private const int MaxPromptChars = 4000;

    public static DirectLineActivity Render(AnswerTrace trace, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var md = new StringBuilder();
        md.Append("### ").Append(Heading).Append("\n\n");
        md.Append("**Standalone question:** ").Append(MarkdownText.EscapeInline(trace.StandaloneQuestion)).Append("\n\n");
        if (trace.Queries.Count > 0)
        {
            md.Append("**Queries run:**\n\n");
            foreach (var query in trace.Queries)
            {
                md.Append("- ").Append(MarkdownText.EscapeInline(query)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"**Passages retrieved ({trace.Passages.Count}):**\n\n");
        foreach (var passage in trace.Passages.Take(MaxPassages))
        {
            md.Append(CultureInfo.InvariantCulture, $"1. score {passage.Score:0.###}, ")
                .Append(MarkdownText.EscapeInline(passage.Outlet)).Append(", ")
                .Append(MarkdownText.EscapeInline(passage.ArticleId)).Append(": ")
                .Append(MarkdownText.EscapeInline(Clip(passage.Text, MaxPassageChars))).Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"\n**Claims found ({trace.Claims.Count}):**\n\n");
        foreach (var claim in trace.Claims.Take(MaxClaims))
        {
            var who = claim.Claim.Source is { } source ? $"{source.Name} ({source.Kind})" : "the outlet's own voice";
            var hedges = claim.Claim.Hedges.Count > 0 ? $"; hedged: {string.Join(", ", claim.Claim.Hedges.Select(h => h.Cue))}" : "";
            md.Append("- ").Append(MarkdownText.EscapeInline($"{Clip(claim.Sentence, 200)} (on the word of {who}{hedges})")).Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"\n**Disputes found ({trace.Disputes.Count}):**\n\n");
        foreach (var dispute in trace.Disputes)
        {
            var positions = string.Join("; ", dispute.Positions.Select(p => $"{p.By} via {p.Outlet} [{p.Citation}]: {p.Claim}"));
            md.Append("- ").Append(MarkdownText.EscapeInline($"{dispute.Kind.ToString().ToLowerInvariant()}: {dispute.Topic}. {positions}")).Append('\n');
        }

        if (trace.StageMs.Count > 0)
        {
            md.Append("\n**Time per stage:** ")
                .Append(MarkdownText.EscapeInline(string.Join(", ", trace.StageMs.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0} ms")))))
                .Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(trace.Prompt))
        {
            md.Append("\n**Prompt used:**\n\n");
            foreach (var line in Clip(trace.Prompt, MaxPromptChars).ReplaceLineEndings("\n").Split('\n'))
            {
                md.Append("> ").Append(MarkdownText.Escape(line)).Append('\n');
            }
        }

        return new DirectLineActivity
        {
            Type = "message",
            From = WebChatAnswerRenderer.Bot,
            Text = md.ToString().TrimEnd(),
            TextFormat = "markdown",
            ReplyToId = replyToId,
        };
    }

    private static string Clip(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
