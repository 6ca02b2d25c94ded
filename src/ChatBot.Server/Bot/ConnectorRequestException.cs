using System.Net;

namespace ChatBot.Server.Bot;

/// <summary>
/// The Connector refused an activity: its HTTP status and, when the body was a Bot Framework ErrorResponse
/// (<c>{ error: { code, message } }</c>), the error code, e.g. Teams' <c>ContentStreamNotAllowed</c>.
/// </summary>
public sealed class ConnectorRequestException : HttpRequestException
{
    public ConnectorRequestException()
    {
    }

    public ConnectorRequestException(string message)
        : base(message)
    {
    }

    public ConnectorRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ConnectorRequestException(HttpStatusCode statusCode, string? errorCode)
        : base($"The Connector answered {(int)statusCode} {errorCode}".TrimEnd(), inner: null, statusCode)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The ErrorResponse code, when the body had one.</summary>
    public string? ErrorCode { get; }
}
