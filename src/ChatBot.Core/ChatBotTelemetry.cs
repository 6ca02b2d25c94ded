using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatBot.Core;

/// <summary>The traces and metrics the engine emits, one span per pipeline stage; hosts export them (OTLP) when configured.</summary>
public static class ChatBotTelemetry
{
    public const string Name = "ChatBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Answers given, tagged by mode and whether they were refusals.</summary>
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("chatbot.answers", description: "Answers given");

    /// <summary>Time to answer a question, end to end inside the engine.</summary>
    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>("chatbot.answer.duration", unit: "ms", description: "Time to answer");
}
