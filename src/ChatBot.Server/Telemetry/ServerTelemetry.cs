using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatBot.Server.Telemetry;

/// <summary>
/// The server's own traces and metrics, per door (Direct Line, /api/ask, Bot Framework), beside the engine's per-stage
/// ones (<see cref="ChatBot.Core.ChatBotTelemetry"/>). Both use the source and meter name "ChatBot", so one OTLP
/// subscription exports all of them.
/// </summary>
public sealed class ServerTelemetry : IDisposable
{
    public const string Name = ChatBot.Core.ChatBotTelemetry.Name;

    public ServerTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        Answers = meter.CreateCounter<long>("chatbot.server.answers", "{answer}", "Answers served, by door, mode and refusal.");
        AnswerDuration = meter.CreateHistogram<double>("chatbot.server.answer.duration", "ms", "Time to answer one question, as a door sees it.");
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
