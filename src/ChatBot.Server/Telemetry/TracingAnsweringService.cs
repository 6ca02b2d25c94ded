using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatBot.Core.Answering;

namespace ChatBot.Server.Telemetry;

/// <summary>Wraps the answering service in a span and records answer counts and durations (no question text).</summary>
public sealed class TracingAnsweringService(IAnsweringService inner, ServerTelemetry telemetry) : IAnsweringService
{
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = telemetry.Source.StartActivity("answer");
        activity?.SetTag("chatbot.turns", request.Turns.Count);
        var started = Stopwatch.GetTimestamp();
        var answer = await inner.AnswerAsync(request, cancellationToken);
        Record(activity, answer, Stopwatch.GetElapsedTime(started));
        return answer;
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = telemetry.Source.StartActivity("answer.stream");
        var started = Stopwatch.GetTimestamp();
        await foreach (var update in inner.StreamAsync(request, cancellationToken))
        {
            if (update.Final is { } final)
            {
                Record(activity, final, Stopwatch.GetElapsedTime(started));
            }

            yield return update;
        }
    }

    private void Record(Activity? activity, Answer answer, TimeSpan elapsed)
    {
        var mode = answer.Mode.ToString().ToLowerInvariant();
        activity?.SetTag("chatbot.mode", mode);
        activity?.SetTag("chatbot.refused", answer.Refused);
        activity?.SetTag("chatbot.citations", answer.Citations.Count);
        activity?.SetTag("chatbot.disputes", answer.Disputes.Count);
        telemetry.Answers.Add(1, new KeyValuePair<string, object?>("mode", mode), new KeyValuePair<string, object?>("refused", answer.Refused));
        telemetry.AnswerDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("mode", mode));
    }
}
