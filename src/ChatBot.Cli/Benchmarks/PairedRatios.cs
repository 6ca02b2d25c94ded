namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// Ours over Lucene, computed within each round (a Lucene run and ours minutes apart) and then the median over the
/// rounds. This machine's speed drifts between runs, so a ratio of two medians taken at different times says less than
/// the median of paired ratios.
/// </summary>
public sealed record PairedRatios
{
    public required int Rounds { get; init; }

    /// <summary>Index build MB/s, ours / Lucene (higher is better).</summary>
    public double? BuildRate { get; init; }

    public double? IndexSize { get; init; }

    /// <summary>Retrieval latency percentiles, ours / Lucene's OR set (lower is better).</summary>
    public double? RetrievalP50 { get; init; }

    public double? RetrievalP95 { get; init; }

    public double? RetrievalP99 { get; init; }

    /// <summary>Each round's build and retrieval p50 / p99 ratios, for the spread.</summary>
    public IReadOnlyList<(double? Build, double? P50, double? P99)> PerRound { get; init; } = [];

    public static PairedRatios Of(IReadOnlyList<SizeResult> rounds)
    {
        var per = rounds.Select(r => (
            Build: Ratio(r.MegabytesPerSecond, r.Lucene?.MegabytesPerSecond),
            Size: Ratio(r.IndexMiB, r.Lucene?.IndexMiB),
            P50: Ratio(r.Retrieval?.P50, r.Lucene?.OrP50),
            P95: Ratio(r.Retrieval?.P95, r.Lucene?.OrP95),
            P99: Ratio(r.Retrieval?.P99, r.Lucene?.OrP99))).ToList();
        return new PairedRatios
        {
            Rounds = rounds.Count,
            BuildRate = LatencySummary.MedianOrNull(per.Select(p => p.Build)),
            IndexSize = LatencySummary.MedianOrNull(per.Select(p => p.Size)),
            RetrievalP50 = LatencySummary.MedianOrNull(per.Select(p => p.P50)),
            RetrievalP95 = LatencySummary.MedianOrNull(per.Select(p => p.P95)),
            RetrievalP99 = LatencySummary.MedianOrNull(per.Select(p => p.P99)),
            PerRound = [.. per.Select(p => (p.Build, p.P50, p.P99))],
        };
    }

    private static double? Ratio(double? ours, double? lucene) =>
        ours is { } o && lucene is { } l && l > 0 && !double.IsNaN(o) && !double.IsNaN(l) ? o / l : null;
}
