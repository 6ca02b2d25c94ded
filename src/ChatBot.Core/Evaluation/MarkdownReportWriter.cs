using System.Globalization;
using System.Text;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// A readable report of a run for evaluators: the summary table with thresholds, the answer modes, a table of cases,
/// then each case's question, answer, citations with their quotes, disputes, failures and unsupported citations.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(EvalRun run, EvalComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Eval report: {run.Suite.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Suite `{run.Suite.Path}`, prompt version `{run.PromptVersion}`: **{run.Summary.Passed} of {run.Summary.Cases} cases passed**{(run.Thresholds.Any(t => !t.Held) ? ", thresholds failed" : string.Empty)}.");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| metric | value | threshold |");
        md.AppendLine("|---|---:|---|");
        foreach (var metric in EvalSummary.MetricNames)
        {
            var threshold = run.Thresholds.FirstOrDefault(t => t.Metric == metric);
            var limit = threshold is null ? string.Empty : $"{(threshold.Held ? "held" : "**FAILED**")}: {threshold.Describe()}";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {EvalFormat.Metric(metric, run.Summary.Get(metric))} | {limit} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Answer modes: {string.Join(", ", run.Summary.Modes.Select(m => $"{m.Key} {m.Value}"))}.");
        md.AppendLine();
        if (comparison is not null)
        {
            md.AppendLine("## Compared with the previous run");
            md.AppendLine();
            md.AppendLine(comparison.ToMarkdown("previous", "this run"));
        }

        md.AppendLine("## Cases");
        md.AppendLine();
        md.AppendLine("| case | result | latency | failures |");
        md.AppendLine("|---|---|---:|---|");
        foreach (var c in run.Cases)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| [{c.Case.Id}](#{Anchor(c.Case.Id)}) | {(c.Passed ? "pass" : "**FAIL**")} | {c.LatencyMs:0} ms | {Cell(string.Join("; ", c.Failures))} |");
        }

        foreach (var c in run.Cases)
        {
            md.AppendLine();
            WriteCase(md, c);
        }

        return md.ToString();
    }

    /// <summary>One case: question, turns, answer, citations, disputes, failures, unsupported citations.</summary>
    public static void WriteCase(StringBuilder md, CaseResult c, bool heading = true)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(c);
        if (heading)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {c.Case.Id}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**{(c.Passed ? "Passed" : "FAILED")}** in {c.LatencyMs:0} ms, mode {c.Answer.Mode.ToString().ToLowerInvariant()}.");
            md.AppendLine();
        }

        foreach (var turn in c.Case.Turns)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Earlier turn: {turn}  ");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"**Question:** {c.Case.Question}");
        md.AppendLine();
        md.AppendLine(Quote(c.Answer.Text));
        md.AppendLine();
        if (c.Answer.Refused)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Refused: {c.Answer.RefusalReason ?? "no reason given"}.");
            md.AppendLine();
        }

        if (c.Answer.Citations.Count > 0)
        {
            md.AppendLine("Citations:");
            md.AppendLine();
            foreach (var cite in c.Answer.Citations)
            {
                var source = cite.Source is null ? string.Empty : $", citing {cite.Source}";
                var date = cite.Published is { } d ? $", {d:yyyy-MM-dd}" : string.Empty;
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"{cite.N}. {cite.Outlet}{date} ({cite.ArticleId}){source}{(cite.IsCaption ? ", photo caption" : string.Empty)}: \"{Inline(cite.Quote)}\"");
            }

            md.AppendLine();
        }

        if (c.Answer.Disputes.Count > 0)
        {
            md.AppendLine("Disputes:");
            md.AppendLine();
            foreach (var dispute in c.Answer.Disputes)
            {
                var positions = string.Join("; ", dispute.Positions.Select(p => $"{p.By} ({p.Outlet}) [{p.Citation}]"));
                md.AppendLine(CultureInfo.InvariantCulture, $"- {ExpectationChecker.Name(dispute.Kind)}: {Inline(dispute.Topic)} ({positions})");
            }

            md.AppendLine();
        }

        if (c.Failures.Count > 0)
        {
            md.AppendLine("Failed expectations:");
            md.AppendLine();
            foreach (var failure in c.Failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {failure}");
            }

            md.AppendLine();
        }

        var unsupported = c.CitationChecks.Where(x => !x.Verdict.Supported).ToList();
        var uncited = c.Sentences.Where(s => s.Markers.Count == 0).ToList();
        if (unsupported.Count > 0 || uncited.Count > 0)
        {
            md.AppendLine("Citation checks:");
            md.AppendLine();
            foreach (var check in unsupported)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- [{check.N}] does not support \"{Inline(check.Span)}\": {check.Verdict.Reason}");
            }

            foreach (var sentence in uncited)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- no citation: \"{Inline(sentence.Text)}\"");
            }

            md.AppendLine();
        }
    }

    internal static string Quote(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => line.TrimEnd().Length == 0 ? ">" : "> " + line.TrimEnd()));

    private static string Inline(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Anchor(string id) => new([.. id.ToLowerInvariant().Where(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_')]);
}
