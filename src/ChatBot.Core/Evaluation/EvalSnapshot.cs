using System.Text.Json;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// What <c>--compare</c> needs from an earlier run's <c>--json</c> file: which cases passed and the summary numbers.
/// </summary>
public sealed record EvalSnapshot
{
    public required string Suite { get; init; }

    public string? PromptVersion { get; init; }

    /// <summary>Case id to passed, in file order.</summary>
    public required IReadOnlyList<KeyValuePair<string, bool>> Cases { get; init; }

    /// <summary>Summary metric to value (null when it was not measured).</summary>
    public required IReadOnlyDictionary<string, double?> Metrics { get; init; }

    /// <summary>Reads a file written by <see cref="EvalJsonWriter"/>.</summary>
    /// <exception cref="ChatBotException">The file is missing or not an eval JSON file (the message names it).</exception>
    public static EvalSnapshot Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ChatBotException($"{full}: previous results file not found (--compare)");
        }

        try
        {
            return Parse(File.ReadAllText(full));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new ChatBotException($"{full}: not an eval --json results file: {ex.Message}", ex);
        }
    }

    /// <summary>Reads eval JSON text.</summary>
    public static EvalSnapshot Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray()
            .Select(c => KeyValuePair.Create(c.GetProperty("id").GetString() ?? string.Empty, c.GetProperty("passed").GetBoolean()))
            .ToList();
        var metrics = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("summary").EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                metrics[property.Name] = property.Value.GetDouble();
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                metrics[property.Name] = null;
            }
        }

        return new EvalSnapshot
        {
            Suite = root.GetProperty("suite").GetString() ?? string.Empty,
            PromptVersion = root.TryGetProperty("promptVersion", out var v) ? v.GetString() : null,
            Cases = cases,
            Metrics = metrics,
        };
    }

    /// <summary>The snapshot of a run in memory (for comparing two runs made now).</summary>
    public static EvalSnapshot From(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new EvalSnapshot
        {
            Suite = run.Suite.Name,
            PromptVersion = run.PromptVersion,
            Cases = [.. run.Cases.Select(c => KeyValuePair.Create(c.Case.Id, c.Passed))],
            Metrics = EvalSummary.MetricNames.ToDictionary(m => m, run.Summary.Get, StringComparer.Ordinal),
        };
    }
}
