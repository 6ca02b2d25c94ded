using System.Threading.Channels;
using ChatBot.Core;
using ChatBot.Server.Logging;
using ChatBot.Server.Widget;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// Answers posted activities in the background, at most <see cref="DirectLineOptions.MaxConcurrentTurns"/> at once,
/// from a queue bounded by <see cref="DirectLineOptions.MaxQueuedTurns"/>. At shutdown it stops taking new posts and
/// finishes those already acknowledged (within HostOptions.ShutdownTimeout).
/// </summary>
public sealed class DirectLineTurnWorker : BackgroundService
{
    private readonly Channel<DirectLineTurn> _channel;
    private readonly WebChatTurnHandler _handler;
    private readonly IDirectLineConversationStore _conversations;
    private readonly DirectLineOptions _options;
    private readonly ILogger<DirectLineTurnWorker> _logger;
    private readonly CancellationTokenSource _abort = new();

    public DirectLineTurnWorker(WebChatTurnHandler handler, IDirectLineConversationStore conversations, IOptions<DirectLineOptions> options, ILogger<DirectLineTurnWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _handler = handler;
        _conversations = conversations;
        _options = options.Value;
        _logger = logger;
        _channel = Channel.CreateBounded<DirectLineTurn>(new BoundedChannelOptions(_options.MaxQueuedTurns)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues a turn; false when the queue is full or shutting down (the caller answers 503).</summary>
    public bool TryEnqueue(DirectLineTurn turn) => _channel.Writer.TryWrite(turn);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Workers drain the channel until it is completed at shutdown; only a shutdown timeout aborts a turn.
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentTurns).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));

    private async Task WorkAsync()
    {
        await foreach (var turn in _channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await _handler.HandleAsync(turn, _abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed turn must not stop the worker: the reader gets an apology in the feed instead of silence.
                ServerLog.DirectLineTurnFailed(_logger, ex.GetType().Name, ex);
                var message = ex is IndexException
                    ? "Sorry, I cannot answer yet: the index of the reporting is still being built. Please try again in a moment."
                    : "Sorry, something went wrong while answering. Please try again.";
                await _conversations.AppendAsync(turn.ConversationId, WebChatAnswerRenderer.Say(message, replyToId: turn.Activity.Id), CancellationToken.None);
            }
        }
    }
}
