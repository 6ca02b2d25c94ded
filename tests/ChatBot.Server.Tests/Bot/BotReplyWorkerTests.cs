using ChatBot.Server.Bot;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Tests.Bot;

public sealed class BotReplyWorkerTests
{
    [Fact]
    public async Task StopAsync_TurnAlreadyAcknowledged_FinishesItBeforeReturning()
    {
        var options = Options.Create(new BotOptions { MicrosoftAppId = "x", ReplyConcurrency = 1 });
        var backlog = new BotReplyBacklog(options);
        using var worker = new BotReplyWorker(backlog, options, NullLogger<BotReplyWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource();
        var finished = false;
        Assert.True(backlog.TryEnqueue(async ct =>
        {
            started.SetResult();
            await Task.Delay(300, ct);
            finished = true;
        }));
        await started.Task;

        await worker.StopAsync(CancellationToken.None);

        Assert.True(finished);
        Assert.False(backlog.TryEnqueue(_ => Task.CompletedTask));
    }
}
