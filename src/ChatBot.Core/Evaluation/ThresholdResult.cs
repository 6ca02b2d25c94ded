using System.Globalization;

namespace ChatBot.Core.Evaluation;

/// <summary>A suite threshold checked after the run.</summary>
public sealed record ThresholdResult(string Metric, double Limit, double? Actual, bool Held)
{
    /// <summary>"citationPrecision 0.82 is below 0.90", or "refusalAccuracy: no case measures it".</summary>
    public string Describe()
    {
        var limit = Limit.ToString("0.###", CultureInfo.InvariantCulture);
        if (Actual is not { } actual)
        {
            return $"{Metric}: no case measures it (threshold {limit})";
        }

        var value = actual.ToString("0.###", CultureInfo.InvariantCulture);
        var upper = EvalSummary.IsUpperLimit(Metric);
        return Held
            ? $"{Metric} {value} {(upper ? "<=" : ">=")} {limit}"
            : $"{Metric} {value} is {(upper ? "above the maximum" : "below the minimum")} {limit}";
    }
}
