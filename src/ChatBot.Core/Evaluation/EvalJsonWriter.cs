using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// Writes a run as the JSON of design.md (<c>eval --json</c>): suite, promptVersion, cases (id, passed, failures,
/// latencyMs, answer in the answer JSON shape) and summary. Extra fields: per case question, sentences, cited
/// sentences and unsupported citations; in the summary passRate, expectedArticleRecall, outletAccuracy, modes and
/// thresholds.
/// </summary>
public static class EvalJsonWriter
{
    public static string Write(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("suite", run.Suite.Name);
            json.WriteString("promptVersion", run.PromptVersion);
            json.WriteStartArray("cases");
            foreach (var result in run.Cases)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Case.Id);
                json.WriteString("question", result.Case.Question);
                json.WriteBoolean("passed", result.Passed);
                WriteStrings(json, "failures", result.Failures);
                json.WriteNumber("latencyMs", Math.Round(result.LatencyMs, 1));
                json.WriteNumber("sentences", result.Sentences.Count);
                json.WriteNumber("citedSentences", result.Sentences.Count(s => s.Markers.Count > 0));
                json.WriteStartArray("unsupportedCitations");
                foreach (var check in result.CitationChecks.Where(c => !c.Verdict.Supported))
                {
                    json.WriteStartObject();
                    json.WriteNumber("n", check.N);
                    json.WriteString("text", check.Span);
                    json.WriteString("reason", check.Verdict.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WritePropertyName("answer");
                WriteAnswer(json, result.Answer);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteSummary(json, run);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An answer in design.md's answer JSON shape: the one serializer every door uses.</summary>
    public static void WriteAnswer(Utf8JsonWriter json, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(answer);
        JsonSerializer.Serialize(json, answer, AnswerJson.Options);
    }

    private static void WriteSummary(Utf8JsonWriter json, EvalRun run)
    {
        var s = run.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("cases", s.Cases);
        json.WriteNumber("passed", s.Passed);
        json.WriteNumber("failed", s.Failed);
        foreach (var metric in EvalSummary.MetricNames.Where(m => m is not ("cases" or "passed" or "failed")))
        {
            if (s.Get(metric) is { } value)
            {
                json.WriteNumber(metric, Math.Round(value, EvalSummary.IsLatencyMetric(metric) ? 1 : 4));
            }
            else
            {
                json.WriteNull(metric);
            }
        }

        json.WriteStartObject("modes");
        foreach (var (mode, count) in s.Modes)
        {
            json.WriteNumber(mode, count);
        }

        json.WriteEndObject();
        json.WriteStartArray("thresholds");
        foreach (var t in run.Thresholds)
        {
            json.WriteStartObject();
            json.WriteString("metric", t.Metric);
            json.WriteNumber("limit", t.Limit);
            if (t.Actual is { } actual)
            {
                json.WriteNumber("actual", Math.Round(actual, 4));
            }
            else
            {
                json.WriteNull("actual");
            }

            json.WriteBoolean("held", t.Held);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
