using ChatBot.Core.Answering;

namespace ChatBot.Cli;

/// <summary>Writes an answer for a terminal: the text, then each citation with outlet, headline, date and the exact quote.</summary>
internal static class AnswerPrinter
{
    public static void Print(Answer answer, TextWriter output)
    {
        output.WriteLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Sources:");
            foreach (var c in answer.Citations)
            {
                var date = c.Published is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "undated";
                var source = c.Source is null ? string.Empty : $", citing {c.Source}";
                var caption = c.IsCaption ? " (photo caption)" : string.Empty;
                output.WriteLine($"  [{c.N}] {c.Outlet}, \"{c.Title ?? c.ArticleId}\", {date}{source}{caption}");
                output.WriteLine($"      \"{Tidy(c.Quote)}\"");
            }
        }

        if (answer.FollowUps.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("You could ask: " + string.Join(" | ", answer.FollowUps));
        }
    }

    /// <summary>The editors' view: how the answer was made.</summary>
    public static void PrintTrace(AnswerTrace trace, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Standalone question: {trace.StandaloneQuestion}");
        foreach (var query in trace.Queries)
        {
            output.WriteLine($"Query: {query}");
        }

        foreach (var passage in trace.Passages)
        {
            output.WriteLine($"  {passage.Score,7:F3}  {passage.PassageId} ({passage.Outlet}): {Tidy(passage.Text)[..Math.Min(110, Tidy(passage.Text).Length)]}");
        }

        foreach (var claim in trace.Claims)
        {
            var source = claim.Claim.Source is { } s ? $"{s.Name} ({s.Kind}{(s.Via is null ? string.Empty : ", via " + s.Via)})" : "outlet";
            var hedges = claim.Claim.Hedges.Count > 0 ? " hedged: " + string.Join(", ", claim.Claim.Hedges.Select(h => h.Kind)) : string.Empty;
            output.WriteLine($"  claim in {claim.PassageId}: {source}{hedges}: {Tidy(claim.Sentence)[..Math.Min(80, Tidy(claim.Sentence).Length)]}");
        }

        output.WriteLine("Stages: " + string.Join(", ", trace.StageMs.Select(kv => $"{kv.Key} {kv.Value:F1} ms")));
    }

    private static string Tidy(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
