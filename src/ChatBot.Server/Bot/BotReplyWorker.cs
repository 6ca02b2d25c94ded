using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>
/// Answers acknowledged turns in the background, a few at a time. On shutdown it stops accepting turns and finishes
/// the ones already acknowledged (until the host's shutdown timeout, after which they are cancelled).
/// </summary>
internal sealed class BotReplyWorker : IHostedService, IDisposable
{
    private readonly BotReplyBacklog _queue;
    private readonly BotOptions _options;
    private readonly ILogger<BotReplyWorker> _logger;
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public BotReplyWorker(BotReplyBacklog queue, IOptions<BotOptions> options, ILogger<BotReplyWorker> logger)
    {
        _queue = queue;
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.IsLocalMode)
        {
            BotLog.LocalMode(_logger);
        }

        _workers = Enumerable.Range(0, _options.ReplyConcurrency).Select(_ => Task.Run(RunAsync, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        using var registration = cancellationToken.Register(() => _abort.Cancel());
        await Task.WhenAll(_workers);
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await work(_abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                BotLog.ReplyCancelledAtShutdown(_logger);
            }
#pragma warning disable CA1031 // One failed turn must not stop the worker; the adapter already told the user.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                BotLog.TurnFailed(_logger, ex);
            }
        }
    }
}
