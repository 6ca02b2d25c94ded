using System.Text.Json;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// What the peers harness measured for Lucene at one corpus size (its report.json: medians over repetitions),
/// so the bench can print ratios beside its own figures.
/// </summary>
public sealed record LuceneFigures
{
    public required int Articles { get; init; }

    public double MegabytesPerSecond { get; init; }

    public double IndexMiB { get; init; }

    public double IndexPeakRssMiB { get; init; }

    /// <summary>OR set (a question's words joined with OR): top-10 latency percentiles, ms.</summary>
    public double OrP50 { get; init; }

    public double OrP95 { get; init; }

    public double OrP99 { get; init; }

    /// <summary>
    /// The raw FTS5 OR query the harness last timed at this size, for context; null when its report has no FTS5 timing.
    /// A Lucene-only run of the harness (a bench round) leaves the FTS5 figures of an earlier run in its report.
    /// </summary>
    public double? Fts5OrP50 { get; init; }

    public double? Fts5OrP99 { get; init; }

    /// <summary>Reads RESULTS/N/report.json; null when the harness has not run at that size.</summary>
    public static LuceneFigures? TryRead(string resultsDirectory, int articles)
    {
        var path = Path.Combine(resultsDirectory, articles.ToString(System.Globalization.CultureInfo.InvariantCulture), "report.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (!root.TryGetProperty("lucene", out var lucene))
        {
            return null;
        }

        var index = lucene.GetProperty("index").EnumerateArray().ToList();
        var orRuns = Runs(lucene);
        var ftsRuns = root.TryGetProperty("fts5", out var fts5) ? Runs(fts5) : [];
        return new LuceneFigures
        {
            Articles = articles,
            MegabytesPerSecond = LatencySummary.Median(index.Select(i => i.GetProperty("mb_per_s").GetDouble())),
            IndexMiB = LatencySummary.Median(index.Select(i => i.GetProperty("size_bytes").GetDouble() / (1024 * 1024))),
            IndexPeakRssMiB = index.Max(i => i.TryGetProperty("rss_mib", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetDouble() : 0),
            OrP50 = LatencySummary.Median(orRuns.Select(r => r.GetProperty("p50").GetDouble())),
            OrP95 = LatencySummary.Median(orRuns.Select(r => r.GetProperty("p95").GetDouble())),
            OrP99 = LatencySummary.Median(orRuns.Select(r => r.GetProperty("p99").GetDouble())),
            Fts5OrP50 = LatencySummary.MedianOrNull(ftsRuns.Select(r => Number(r, "p50"))),
            Fts5OrP99 = LatencySummary.MedianOrNull(ftsRuns.Select(r => Number(r, "p99"))),
        };
    }

    private static double? Number(JsonElement run, string name) =>
        run.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>The OR-set latency block of each default ("query") run of an engine.</summary>
    private static List<JsonElement> Runs(JsonElement engine) =>
        engine.TryGetProperty("queries", out var queries) && queries.TryGetProperty("query", out var runs)
            ? [.. runs.EnumerateArray().Where(r => r.GetProperty("lat").TryGetProperty("or", out _)).Select(r => r.GetProperty("lat").GetProperty("or"))]
            : [];
}
