namespace ChatBot.Core.Evaluation;

/// <summary>A summary metric before and after. <see cref="Change"/>: +1 better, -1 worse, 0 same or not comparable.</summary>
public sealed record MetricDelta(string Metric, double? Before, double? After)
{
    public double? Delta => Before is { } b && After is { } a ? a - b : null;

    /// <summary>Higher is better except for latency and <c>failed</c>.</summary>
    public int Change => Delta switch
    {
        null => 0,
        var d when Math.Abs(d.Value) < 1e-9 => 0,
        var d => (d.Value > 0) ^ EvalSummary.IsUpperLimit(Metric) ? 1 : -1,
    };
}
