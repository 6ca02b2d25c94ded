using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Bot;

/// <summary>The bot layer's log messages. No question text, token or secret is ever logged here.</summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Bot:MicrosoftAppId is not set: POST /api/messages runs in local mode, accepting unauthenticated activities from loopback only (Bot Framework Emulator, Microsoft 365 Agents Playground) and replying only to loopback service URLs. Set Bot:MicrosoftAppId to serve Teams.")]
    public static partial void LocalMode(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Rejected an activity from channel {ChannelId} with 401: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string? channelId, string? reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "The bot's reply queue is full or shutting down; answered 503")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "A bot turn failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "A reply was cancelled because shutdown took longer than the host allows")]
    public static partial void ReplyCancelledAtShutdown(ILogger logger);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "A {ActivityType} activity was not sent: the turn has no trusted service URL")]
    public static partial void NoServiceUrl(ILogger logger, string activityType);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Feedback on reply {ReplyId} was stored without its answer: the reply is no longer remembered")]
    public static partial void FeedbackWithoutAnswer(ILogger logger, string? replyId);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Stored {Reaction} feedback from channel {ChannelId}")]
    public static partial void FeedbackStored(ILogger logger, string reaction, string? channelId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Streaming into Teams stopped after {Chunks} chunks ({Status} {ErrorCode}); the answer follows as one message")]
    public static partial void StreamStopped(ILogger logger, int chunks, int status, string? errorCode);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "Streamed a Teams answer in {Chunks} chunks")]
    public static partial void Streamed(ILogger logger, int chunks);
}
