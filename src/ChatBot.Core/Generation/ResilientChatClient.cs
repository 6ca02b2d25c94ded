using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ChatBot.Core.Generation;

/// <summary>
/// The one retry layer for model calls (a decorator over any <see cref="IChatClient"/>): a timeout per attempt,
/// retries with jitter that honour Retry-After on 429 and 5xx, and a circuit breaker. While the circuit is open calls
/// fail at once with <see cref="ModelFailure.CircuitOpen"/>, so answers are extractive without waiting.
/// </summary>
/// <remarks>
/// Thread-safe. A streamed reply is retried only until its first piece arrives (what was shown cannot be taken back);
/// after that each further piece must arrive within Model:TimeoutSeconds. Failures surface as
/// <see cref="ModelCallException"/>; the caller's cancellation as <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class ResilientChatClient : DelegatingChatClient, IModelCircuit
{
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _guard;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly TimeSpan _timeout;

    public ResilientChatClient(IChatClient innerClient, ModelOptions options, ILogger<ResilientChatClient>? logger = null, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);

        var retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            retry.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
                // A Retry-After longer than the cap is not waited for: the user gets the extractive answer now instead.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception) &&
                    !(args.Outcome.Exception is ModelCallException { RetryAfter: { } wait } && wait > maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ModelCallException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    GenerationLog.Retrying(log, Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _retry = retry.Build();
        _guard = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome.Exception)),
                StateProvider = _state,
                OnOpened = args =>
                {
                    GenerationLog.CircuitOpened(log, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    GenerationLog.CircuitClosed(log);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_timeout)
            .Build();
    }

    public string State => _state.CircuitState switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half-open",
        _ => "isolated",
    };

    public bool IsOpen => _state.CircuitState is CircuitState.Open or CircuitState.Isolated;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.ToList();
        try
        {
            return await _retry.ExecuteAsync(
                async (outer) => await _guard.ExecuteAsync(
                    async (inner) => await InnerClient.GetResponseAsync(request, options, inner).ConfigureAwait(false), outer).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Rejected(ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = await OpenAsync(messages.ToList(), options, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!stream.HasFirst)
            {
                yield break;
            }

            yield return stream.Updates.Current;
            while (true)
            {
                ChatResponseUpdate next;
                stream.Cancellation.CancelAfter(_timeout);
                try
                {
                    if (!await stream.Updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    next = stream.Updates.Current;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ModelCallException(ModelFailure.Timeout, "The model stopped sending its reply part-way.", innerException: ex);
                }

                stream.Cancellation.CancelAfter(Timeout.InfiniteTimeSpan);
                yield return next;
            }
        }
        finally
        {
            await stream.Updates.DisposeAsync().ConfigureAwait(false);
            stream.Cancellation.Dispose();
        }
    }

    /// <summary>Starts the stream and waits for its first piece under the retry, breaker and timeout.</summary>
    private async Task<OpenedStream> OpenAsync(List<ChatMessage> request, ChatOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(
                async (outer) => await _guard.ExecuteAsync(
                    async (attempt) =>
                    {
                        // The stream outlives this attempt's token (Polly recycles it), so it gets a source of its own that
                        // follows the caller's token, and the attempt's timeout only while the first piece is awaited.
                        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        var updates = InnerClient.GetStreamingResponseAsync(request, options, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
                        try
                        {
                            using (attempt.Register(static source => ((CancellationTokenSource)source!).Cancel(), cancellation))
                            {
                                var hasFirst = await updates.MoveNextAsync().ConfigureAwait(false);
                                return new OpenedStream(updates, cancellation, hasFirst);
                            }
                        }
                        catch
                        {
                            await updates.DisposeAsync().ConfigureAwait(false);
                            cancellation.Dispose();
                            throw;
                        }
                    }, outer).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Rejected(ex);
        }
    }

    private static ModelCallException Rejected(ExecutionRejectedException ex) => ex is BrokenCircuitException
        ? new ModelCallException(ModelFailure.CircuitOpen, "The model is not being called for now after repeated failures (circuit open).", innerException: ex)
        : new ModelCallException(ModelFailure.Timeout, "The model did not answer in time.", innerException: ex);

    private static bool IsFailure(Exception? ex) => ex is ModelCallException or TimeoutRejectedException or HttpRequestException;

    private static bool IsTransient(Exception? ex) => ex is ModelCallException { IsTransient: true } or TimeoutRejectedException or HttpRequestException;

    private static string Describe(Exception? ex) => ex switch
    {
        ModelCallException { Status: { } status } => $"status {(int)status}",
        ModelCallException call => call.Failure.ToString(),
        TimeoutRejectedException => "timeout",
        _ => ex?.GetType().Name ?? "unknown",
    };

    private sealed record OpenedStream(IAsyncEnumerator<ChatResponseUpdate> Updates, CancellationTokenSource Cancellation, bool HasFirst);
}
