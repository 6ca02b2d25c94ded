using System.Globalization;

namespace ChatBot.Core.Evaluation;

/// <summary>How metrics read in reports and on the console: shares as percentages, latencies in ms.</summary>
public static class EvalFormat
{
    public static string Metric(string metric, double? value) => value switch
    {
        null => "n/a",
        { } v when EvalSummary.IsLatencyMetric(metric) => v.ToString("0", CultureInfo.InvariantCulture) + " ms",
        { } v when metric is "cases" or "passed" or "failed" => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.0%", CultureInfo.InvariantCulture),
    };

    /// <summary>"+4.0 pts (better)", "-120 ms (better)", "n/a".</summary>
    public static string Delta(MetricDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.Delta is not { } d)
        {
            return "n/a";
        }

        var amount = EvalSummary.IsLatencyMetric(delta.Metric) ? d.ToString("+0;-0;0", CultureInfo.InvariantCulture) + " ms"
            : delta.Metric is "cases" or "passed" or "failed" ? d.ToString("+0;-0;0", CultureInfo.InvariantCulture)
            : (d * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";
        return delta.Change switch
        {
            > 0 => amount + " (better)",
            < 0 => amount + " (worse)",
            _ => amount,
        };
    }
}
