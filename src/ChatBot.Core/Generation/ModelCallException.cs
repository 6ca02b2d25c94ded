using System.Net;

namespace ChatBot.Core.Generation;

/// <summary>Why a model call failed, in the words the fallback note uses.</summary>
public enum ModelFailure
{
    /// <summary>No connection could be made, or it broke.</summary>
    Unreachable,

    /// <summary>The service answered with an error status (429, 5xx, 4xx).</summary>
    Status,

    /// <summary>The reply could not be read: not the chat-completions format, or a stream that stopped half-way.</summary>
    Malformed,

    /// <summary>No reply (or no further piece of a streamed reply) within Model:TimeoutSeconds.</summary>
    Timeout,

    /// <summary>The circuit breaker is open after repeated failures: no call was made.</summary>
    CircuitOpen,
}

/// <summary>
/// A model call failed. Thrown by <see cref="OpenAiChatClient"/> in place of the SDK's own exceptions so the resilience
/// layer and the composer need not know the SDK. The message names the endpoint's host and the status, never a key.
/// </summary>
public sealed class ModelCallException : ChatBotException
{
    public ModelCallException(ModelFailure failure, string message, HttpStatusCode? status = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException!)
    {
        Failure = failure;
        Status = status;
        RetryAfter = retryAfter;
    }

    public ModelCallException() { }

    public ModelCallException(string message) : base(message) { }

    public ModelCallException(string message, Exception innerException) : base(message, innerException) { }

    public ModelFailure Failure { get; }

    public HttpStatusCode? Status { get; }

    /// <summary>The wait the service asked for (Retry-After or retry-after-ms), when it asked.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth another try: unreachable, timed out, 408, 429 or 5xx. A malformed reply or a 4xx is not.</summary>
    public bool IsTransient => Failure switch
    {
        ModelFailure.Unreachable or ModelFailure.Timeout => true,
        ModelFailure.Status => Status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int?)Status >= 500,
        _ => false,
    };
}
