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

    private static string Tidy(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
