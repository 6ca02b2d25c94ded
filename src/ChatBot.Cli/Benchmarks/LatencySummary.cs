using System.Globalization;

namespace ChatBot.Cli.Benchmarks;

/// <summary>Percentiles of one series of timings in milliseconds (nearest rank, as the peers' report computes them).</summary>
public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Mean, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted.Average(), sorted[^1]);
    }

    /// <summary>The median of each percentile over several runs.</summary>
    public static LatencySummary MedianOf(IReadOnlyList<LatencySummary> runs) => runs.Count == 0
        ? Of([])
        : new LatencySummary(
            runs.Sum(r => r.Count),
            Median(runs.Select(r => r.P50)),
            Median(runs.Select(r => r.P95)),
            Median(runs.Select(r => r.P99)),
            Median(runs.Select(r => r.Mean)),
            runs.Max(r => r.Max));

    /// <summary>The median of the values present; null when there are none.</summary>
    public static double? MedianOrNull(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : Median(present);
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F2} / p95 {P95:F2} / p99 {P99:F2} ms (n={Count})");

    private static double Rank(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
