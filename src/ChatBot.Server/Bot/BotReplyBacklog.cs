using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>
/// Turns acknowledged with 200 and waiting to be answered. Bounded: when full, or once shutdown has begun, nothing
/// more is accepted and the endpoint says so (503) instead of acknowledging a turn it would never answer.
/// </summary>
public sealed class BotReplyBacklog
{
    private readonly Channel<Func<CancellationToken, Task>> _channel;

    public BotReplyBacklog(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(options.Value.ReplyQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool TryEnqueue(Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    internal ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    /// <summary>No more work is accepted; what is queued is still handed out.</summary>
    internal void Complete() => _channel.Writer.TryComplete();
}
