using ChatBot.Server.DirectLine;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Tests.DirectLine;

public sealed class InMemoryDirectLineConversationStoreTests
{
    private readonly InMemoryDirectLineConversationStore _store = new(Options.Create(new DirectLineOptions()), TimeProvider.System);

    [Fact]
    public async Task WaitForActivitiesAsync_ActivityAppendedWhileHeld_ReturnsWithoutWaitingOutTheTimeout()
    {
        await _store.CreateAsync("c1", CancellationToken.None);
        var held = _store.WaitForActivitiesAsync("c1", watermark: null, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.False(held.IsCompleted);
        await _store.AppendAsync("c1", new DirectLineActivity { Type = "message", Text = "answer" }, CancellationToken.None);

        await held.WaitAsync(TimeSpan.FromSeconds(5));
        var page = await _store.GetActivitiesAsync("c1", null, CancellationToken.None);
        Assert.Equal("answer", Assert.Single(page!.Activities).Text);
    }

    [Fact]
    public async Task WaitForActivitiesAsync_SomethingAfterTheWatermarkAlready_ReturnsAtOnce()
    {
        await _store.CreateAsync("c2", CancellationToken.None);
        await _store.AppendAsync("c2", new DirectLineActivity { Type = "message", Text = "hello" }, CancellationToken.None);

        var held = _store.WaitForActivitiesAsync("c2", watermark: "0", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(held.IsCompleted);
    }

    [Fact]
    public async Task WaitForActivitiesAsync_NothingArrives_ReturnsAfterTheTimeout()
    {
        await _store.CreateAsync("c3", CancellationToken.None);

        await _store.WaitForActivitiesAsync("c3", watermark: null, TimeSpan.FromMilliseconds(50), CancellationToken.None);

        var page = await _store.GetActivitiesAsync("c3", null, CancellationToken.None);
        Assert.Empty(page!.Activities);
    }
}
