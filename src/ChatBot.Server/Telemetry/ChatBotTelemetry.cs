using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatBot.Server.Telemetry;

/// <summary>The server's traces and metrics: one ActivitySource and one Meter, both named "ChatBot".</summary>
public sealed class ChatBotTelemetry : IDisposable
{
    public const string Name = "ChatBot";

    public ChatBotTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        Answers = meter.CreateCounter<long>("chatbot.answers", "{answer}", "Answers served, by door, mode and refusal.");
        AnswerDuration = meter.CreateHistogram<double>("chatbot.answer.duration", "ms", "Time to answer one question.");
        Feedback = meter.CreateCounter<long>("chatbot.feedback", "{feedback}", "Thumbs up and down stored.");
        IndexUpdates = meter.CreateCounter<long>("chatbot.index.updates", "{update}", "Index updates that changed something.");
    }

    public ActivitySource Source { get; } = new(Name);

    public Counter<long> Answers { get; }

    public Histogram<double> AnswerDuration { get; }

    public Counter<long> Feedback { get; }

    public Counter<long> IndexUpdates { get; }

    public void Dispose() => Source.Dispose();
}
