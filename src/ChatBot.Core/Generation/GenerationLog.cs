using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Generation;

/// <summary>The Generation feature's log messages. None carries question text, answer text or a key.</summary>
internal static partial class GenerationLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Model call failed ({Failure}), retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string failure, int attempt, double delayMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Model circuit opened for {BreakSeconds} s after repeated failures; answers are extractive until it closes")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Model circuit closed; generative answers resume")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Generative answer fell back to extractive: {Reason}")]
    public static partial void FellBack(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Generated answer failed the grounding check ({Problems} problems); repair round {Round}")]
    public static partial void GroundingFailed(ILogger logger, int problems, int round);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Model rewrite of a follow-up failed; the rule-based rewriter is used instead")]
    public static partial void RewriteFellBack(ILogger logger, Exception exception);
}
