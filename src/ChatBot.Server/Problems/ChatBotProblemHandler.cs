using System.Text.Json;
using ChatBot.Core;
using ChatBot.Server.Logging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChatBot.Server.Problems;

/// <summary>
/// The one place failures become HTTP answers (RFC 9457 ProblemDetails): bad JSON 400 naming the problem, a body
/// too large 413, an index not yet built 503, any other ChatBotException 500 with its message (messages never hold
/// secrets), anything else 500 without detail. A client that went away gets nothing.
/// </summary>
public sealed class ChatBotProblemHandler(IProblemDetailsService problems, ILogger<ChatBotProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException json =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON.", Describe(json)),
            BadHttpRequestException bad =>
                (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "Bad request.", bad.Message),
            JsonException json =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON.", Describe(json)),
            IndexException index =>
                (StatusCodes.Status503ServiceUnavailable, "The index is not available yet.", index.Message),
            ChatBotException chatBot =>
                (StatusCodes.Status500InternalServerError, "The bot could not answer.", chatBot.Message),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", (string?)null),
        };

        if (status >= 500)
        {
            ServerLog.RequestFailed(logger, httpContext.Request.Path.Value ?? "", exception.GetType().Name, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>Where the JSON went wrong, without echoing the body (which may hold a question).</summary>
    private static string Describe(JsonException json) =>
        json.LineNumber is { } line
            ? $"Malformed JSON at line {line + 1}, position {json.BytePositionInLine + 1}{(string.IsNullOrEmpty(json.Path) ? "" : $" (path {json.Path})")}."
            : "Malformed JSON.";
}
