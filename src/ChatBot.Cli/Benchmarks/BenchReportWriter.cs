using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Cli.Benchmarks;

/// <summary>The benchmark report as Markdown (for people and the README) and JSON (for comparing runs).</summary>
public static class BenchReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(Invariant($"### chatbot bench, {report.StartedAt:yyyy-MM-dd HH:mm} UTC ({report.Machine})\n\n"));
        sb.Append('`').Append(report.CommandLine).Append("`\n\n");
        foreach (var s in report.Sizes)
        {
            var l = s.Lucene;
            sb.Append(Invariant($"#### {s.Articles:N0} articles ({s.CorpusKind} corpus"));
            if (s.Passages is { } p)
            {
                sb.Append(Invariant($", {p:N0} passages, {s.ArticleTextMB:F1} MB of article text"));
            }

            sb.Append(")\n\n");
            var paired = s.Paired;
            if (paired is not null)
            {
                sb.Append(Invariant($"Medians of {paired.Rounds} rounds, each a Lucene run (peers harness) then ours; the ratios are medians of each round's own ratio.\n\n"));
            }

            sb.Append("| figure | ours | Lucene (peers) | ours / Lucene | target (issue 7, at 100k) |\n|---|---:|---:|---:|---|\n");
            Row(sb, "index build, articles/s", s.ArticlesPerSecond, null, "F0", "");
            Row(sb, "index build, MB/s of article text", s.MegabytesPerSecond, l?.MegabytesPerSecond, "F1", "≥ Lucene (ratio ≥ 1); issue 3: ≥ 9.5", paired?.BuildRate);
            Row(sb, "claim extraction, MB/s of article text (one thread)", s.ClaimExtraction?.MegabytesPerSecond, null, "F1", "");
            Row(sb, "claim extraction, MB per CPU second of that thread", s.ClaimExtraction?.MegabytesPerCpuSecond, null, "F1", "");
            Row(sb, "index on disk, MiB", s.IndexMiB, l?.IndexMiB, "F0", Invariant($"≤ 2× article text ({(s.ArticleTextMB is { } mb ? (2 * mb * 1e6 / 1048576).ToString("F0", CultureInfo.InvariantCulture) : "?")} MiB)"), paired?.IndexSize);
            Row(sb, "peak RSS while indexing, MiB", s.IndexPeakRssMiB, l?.IndexPeakRssMiB, "F0", "");
            Row(sb, "retrieval p50, ms", s.Retrieval?.P50, l?.OrP50, "F2", "≤ Lucene OR p50 (ratio ≤ 1)", paired?.RetrievalP50);
            Row(sb, "retrieval p95, ms", s.Retrieval?.P95, l?.OrP95, "F2", "", paired?.RetrievalP95);
            Row(sb, "retrieval p99, ms", s.Retrieval?.P99, l?.OrP99, "F2", "≤ Lucene OR p99 (ratio ≤ 1)", paired?.RetrievalP99);
            Row(sb, "recall@10 of the bounded BM25 stage", s.BoundedRecallAt10, null, "F3", "≥ 0.9");
            Row(sb, "overlap of the final answer hits with exhaustive BM25", s.RecallAt10, null, "F3", "");
            Row(sb, "ask end to end p50, ms", s.Ask?.P50, null, "F2", "≤ 10");
            Row(sb, "ask end to end p99, ms", s.Ask?.P99, null, "F2", "≤ 50");
            Row(sb, "peak RSS while querying, MiB", s.QueryPeakRssMiB, null, "F0", "");
            sb.Append('\n');
            if (paired is not null)
            {
                sb.Append("Each round's ratios (build MB/s, retrieval p50, retrieval p99): ")
                  .Append(string.Join("; ", paired.PerRound.Select(r => Invariant($"{Format(r.Build, "F2")} / {Format(r.P50, "F2")} / {Format(r.P99, "F2")}"))))
                  .Append(".\n\n");
            }

            if (s.RetrievalRuns.Count > 1)
            {
                sb.Append("Retrieval runs (p50 / p99 ms): ")
                  .Append(string.Join("; ", s.RetrievalRuns.Select(r => Invariant($"{r.P50:F2} / {r.P99:F2}"))))
                  .Append(Invariant($". {s.Questions} questions a run.\n\n"));
            }

            if (s.ClaimExtraction is { } c)
            {
                sb.Append(Invariant($"Claim extraction: {c.Articles:N0} articles ({c.ArticleTextMB:F1} MB, {c.Sentences:N0} sentences) in {c.Seconds:F2} s on one thread ({(c.CpuSeconds is { } cs ? cs.ToString("F2", CultureInfo.InvariantCulture) : "?")} s of its CPU), {c.AllocatedMB:F0} MB allocated.\n\n"));
            }

            if (l is not null)
            {
                // The harness's report.json keeps the figures of its last FTS5 run at this size (a Lucene-only round
                // leaves them as they were), and may have none.
                sb.Append(l.Fts5OrP50 is { } fts5P50 && l.Fts5OrP99 is { } fts5P99
                    ? Invariant($"Raw FTS5 with the question's words as one OR, from the peers harness's report at this size (its last FTS5 run, which may predate this bench): p50 {fts5P50:F1} ms, p99 {fts5P99:F1} ms.\n\n")
                    : "Raw FTS5 with the question's words as one OR: the peers harness's report at this size has no FTS5 timing.\n\n");
            }
            else if (s.CorpusKind == "peers")
            {
                sb.Append("No peers results at this size: run `cd shared/peers && ./run.sh N` in the same session for Lucene's figures.\n\n");
            }
            else
            {
                sb.Append("Lucene's figures are shown with `--corpus-kind peers` only (the same corpus and questions as the peers harness).\n\n");
            }

            foreach (var note in s.Notes)
            {
                sb.Append("- ").Append(note).Append('\n');
            }

            if (s.Notes.Count > 0)
            {
                sb.Append('\n');
            }
        }

        sb.Append("#### Server: Direct Line on loopback\n\n");
        if (report.Server is { } v)
        {
            sb.Append("| transport | conversations | asked | answered | asks/s | p50 ms | p95 ms | errors | lost | crossed | polls or pushes per reply |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            sb.Append(Invariant($"| {v.Transport} | {v.Conversations} | {v.Asked} | {v.Answered} | {v.AsksPerSecond:F0} | {v.Latency.P50:F1} | {v.Latency.P95:F1} | {v.Errors} | {v.Lost} | {v.Crossed} | {v.ReceivesPerReply:F1} |\n\n"));
            foreach (var sample in v.ErrorSamples)
            {
                sb.Append("- error: ").Append(sample).Append('\n');
            }

            sb.Append("Targets: ≥ 300 asks/s, 0 errors, 0 lost or crossed replies (answer cache off).\n");
        }
        else
        {
            sb.Append(report.ServerNote ?? "not run").Append('\n');
        }

        return sb.ToString();
    }

    // The ratio column: the paired median when there were paired rounds, else ours over Lucene's figure.
    private static void Row(StringBuilder sb, string name, double? ours, double? lucene, string format, string target, double? pairedRatio = null)
    {
        var ratio = pairedRatio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "×"
            : ours is { } o && lucene is { } l && l > 0 && !double.IsNaN(o) ? (o / l).ToString("F2", CultureInfo.InvariantCulture) + "×" : "";
        sb.Append("| ").Append(name).Append(" | ").Append(Format(ours, format)).Append(" | ").Append(Format(lucene, format))
          .Append(" | ").Append(ratio).Append(" | ").Append(target).Append(" |\n");
    }

    private static string Format(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
