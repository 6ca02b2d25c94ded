using System.Globalization;
using System.Text;

namespace ChatBot.Core.Evaluation;

/// <summary>What got better or worse between two runs: cases that changed outcome, and every summary metric's delta.</summary>
public sealed record EvalComparison
{
    public required EvalSnapshot Before { get; init; }

    public required EvalSnapshot After { get; init; }

    /// <summary>Cases fixed, broken, added or removed (unchanged ones are left out).</summary>
    public required IReadOnlyList<CaseChange> Cases { get; init; }

    public required IReadOnlyList<MetricDelta> Metrics { get; init; }

    public static EvalComparison Compare(EvalSnapshot before, EvalSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Cases.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var now = after.Cases.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var changes = after.Cases
            .Select(c => new CaseChange(c.Key, old.TryGetValue(c.Key, out var p) ? p : null, c.Value))
            .Concat(before.Cases.Where(c => !now.ContainsKey(c.Key)).Select(c => new CaseChange(c.Key, c.Value, null)))
            .Where(c => c.PassedBefore != c.PassedAfter)
            .ToList();
        var metrics = EvalSummary.MetricNames
            .Select(m => new MetricDelta(m, before.Metrics.GetValueOrDefault(m), after.Metrics.GetValueOrDefault(m)))
            .ToList();
        return new EvalComparison { Before = before, After = after, Cases = changes, Metrics = metrics };
    }

    /// <summary>A Markdown section: changed cases, then a table of every metric with its delta.</summary>
    public string ToMarkdown(string beforeLabel = "before", string afterLabel = "now")
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Prompt version {Before.PromptVersion ?? "?"} ({beforeLabel}) -> {After.PromptVersion ?? "?"} ({afterLabel}).");
        md.AppendLine();
        if (Cases.Count == 0)
        {
            md.AppendLine("No case changed outcome.");
        }
        else
        {
            foreach (var change in Cases.OrderBy(c => c.PassedAfter == true ? 1 : 0))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {change.Describe()}");
            }
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| metric | {beforeLabel} | {afterLabel} | change |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var m in Metrics)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Metric} | {EvalFormat.Metric(m.Metric, m.Before)} | {EvalFormat.Metric(m.Metric, m.After)} | {EvalFormat.Delta(m)} |");
        }

        return md.ToString();
    }
}
