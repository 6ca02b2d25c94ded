using System.Globalization;
using System.Text;
using ChatBot.Core.Prompts;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// A suite answered under two prompt sets (<c>chatbot prompts compare</c>): both runs, and a side-by-side report
/// with each question, both answers, a word-level diff and every metric for A and B with the delta.
/// </summary>
public sealed record PromptComparison
{
    public required string LabelA { get; init; }

    public required string LabelB { get; init; }

    public required EvalRun A { get; init; }

    public required EvalRun B { get; init; }

    /// <summary>Runs <paramref name="suite"/> under <paramref name="a"/>, then under <paramref name="b"/>.</summary>
    public static async Task<PromptComparison> RunAsync(SuiteRunner runner, QuestionSuite suite, PromptSet a, PromptSet b,
        IProgress<SuiteProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var runA = await runner.RunAsync(suite, a, progress, cancellationToken);
        var runB = await runner.RunAsync(suite, b, progress, cancellationToken);
        return new PromptComparison { LabelA = a.Directory, LabelB = b.Directory, A = runA, B = runB };
    }

    /// <summary>Cases whose answer text differs between A and B.</summary>
    public int ChangedAnswers => A.Cases.Zip(B.Cases).Count(p => p.First.Answer.Text != p.Second.Answer.Text);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Prompt comparison: {A.Suite.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- **A**: `{LabelA}` (version `{A.PromptVersion}`): {A.Summary.Passed} of {A.Summary.Cases} cases passed");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **B**: `{LabelB}` (version `{B.PromptVersion}`): {B.Summary.Passed} of {B.Summary.Cases} cases passed");
        md.AppendLine(CultureInfo.InvariantCulture, $"- {ChangedAnswers} of {A.Cases.Count} answers differ. In the diffs, ~~struck~~ words are A's only and **bold** words B's only.");
        md.AppendLine();
        md.AppendLine("## Metrics");
        md.AppendLine();
        var comparison = EvalComparison.Compare(EvalSnapshot.From(A), EvalSnapshot.From(B));
        md.AppendLine(comparison.ToMarkdown("A", "B"));
        md.AppendLine("## Questions");
        foreach (var (a, b) in A.Cases.Zip(B.Cases))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"### {a.Case.Id}: {Outcome(a)} -> {Outcome(b)}");
            md.AppendLine();
            foreach (var turn in a.Case.Turns)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"Earlier turn: {turn}  ");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"**Question:** {a.Case.Question}");
            md.AppendLine();
            if (a.Answer.Text == b.Answer.Text)
            {
                md.AppendLine("Same answer under A and B:");
                md.AppendLine();
                md.AppendLine(MarkdownReportWriter.Quote(a.Answer.Text));
            }
            else
            {
                md.AppendLine("| A | B |");
                md.AppendLine("|---|---|");
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(a.Answer.Text)} | {Cell(b.Answer.Text)} |");
                md.AppendLine();
                md.AppendLine("Word diff (A to B):");
                md.AppendLine();
                md.AppendLine(MarkdownReportWriter.Quote(WordDiff.ToMarkdown(a.Answer.Text, b.Answer.Text)));
            }

            md.AppendLine();
            foreach (var (label, result) in new[] { ("A", a), ("B", b) })
            {
                foreach (var failure in result.Failures)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {label} failed: {failure}");
                }
            }
        }

        return md.ToString();
    }

    private static string Outcome(CaseResult result) => result.Passed ? "pass" : "FAIL";

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings("<br>");
}
