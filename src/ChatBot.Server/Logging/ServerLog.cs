using System.Net.WebSockets;

namespace ChatBot.Server.Logging;

/// <summary>
/// Every log message of the server, source-generated. Question text is logged at Trace only; tokens and keys never.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Trace, Message = "Question: {Question}")]
    public static partial void QuestionText(ILogger logger, string question);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Answered over /api/ask: {Citations} citations, {Disputes} disputes, refused {Refused}")]
    public static partial void ApiAnswered(ILogger logger, int citations, int disputes, bool refused);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Answered in web chat: {Citations} citations, {Disputes} disputes, refused {Refused}")]
    public static partial void DirectLineAnswered(ILogger logger, int citations, int disputes, bool refused);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Direct Line conversation started (editors' view {IsEditor})")]
    public static partial void DirectLineConversationStarted(ILogger logger, bool isEditor);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "A web chat turn failed ({ExceptionType}); the reader was told")]
    public static partial void DirectLineTurnFailed(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Feedback stored: helpful {Helpful}, reason {Reason}")]
    public static partial void FeedbackStored(ILogger logger, bool helpful, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "An editor key was presented and refused")]
    public static partial void EditorKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "A web chat answer was cancelled: the conversation was abandoned ({Reason})")]
    public static partial void DirectLineTurnAbandoned(ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Streamed a web chat answer in {Chunks} chunks")]
    public static partial void DirectLineStreamed(ILogger logger, int chunks);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Direct Line stream opened ({Open} open)")]
    public static partial void DirectLineStreamOpened(ILogger logger, int open);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Direct Line stream closed: {Status} {Reason}")]
    public static partial void DirectLineStreamClosed(ILogger logger, WebSocketCloseStatus status, string reason);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "No passage index is registered; /healthz will answer 503")]
    public static partial void NoPassageIndex(ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Index updated: {Added} added, {Updated} updated, {Removed} removed; {Articles} articles, {Warnings} warnings, {ElapsedMs:0} ms")]
    public static partial void IndexUpdated(ILogger logger, int added, int updated, int removed, int articles, int warnings, double elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Index update failed; the previous index stays in use")]
    public static partial void IndexUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Request to {Path} failed ({ExceptionType})")]
    public static partial void RequestFailed(ILogger logger, string path, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Exporting traces and metrics over OTLP to {Endpoint}")]
    public static partial void TelemetryExporting(ILogger logger, string endpoint);
}
