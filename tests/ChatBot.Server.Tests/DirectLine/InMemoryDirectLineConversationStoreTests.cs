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

    [Fact]
    public async Task AppendAsync_PastMaxActivities_LeastRecentlyUsedConversationsLoseTheirHistoryFirst()
    {
        // The store's memory is bounded across conversations: an idle one gives up what its client has already fetched.
        var store = await ThreeConversationsPastTheBoundAsync(fetched: true);

        var old = await store.GetActivitiesAsync("old", null, CancellationToken.None);
        Assert.Empty(old!.Activities);
        Assert.Equal("40", old.Watermark);
        Assert.Null(await store.FindAnswerAsync("old", "a1", CancellationToken.None));
        Assert.Equal(40, (await store.GetActivitiesAsync("middle", null, CancellationToken.None))!.Activities.Count);
        Assert.Equal(40, (await store.GetActivitiesAsync("new", null, CancellationToken.None))!.Activities.Count);
        Assert.NotNull(await store.FindAnswerAsync("new", "a1", CancellationToken.None));

        // The conversation goes on, its watermarks valid.
        var next = await store.AppendAsync("old", new DirectLineActivity { Type = "message", Text = "again" }, CancellationToken.None);
        Assert.EndsWith("0000041", next!.Id);
    }

    [Fact]
    public async Task AppendAsync_PastMaxActivities_RepliesNotYetFetchedAreKept()
    {
        // A reply its client has not fetched is still on its way: dropping it would lose it.
        var store = await ThreeConversationsPastTheBoundAsync(fetched: false);

        foreach (var id in new[] { "old", "middle", "new" })
        {
            Assert.Equal(40, (await store.GetActivitiesAsync(id, null, CancellationToken.None))!.Activities.Count);
            Assert.NotNull(await store.FindAnswerAsync(id, "a1", CancellationToken.None));
        }
    }

    [Fact]
    public async Task AppendAsync_PastMaxActivities_APageNotYetShownToHaveArrivedIsKept()
    {
        // A page read without a watermark (a reconnect learning where the conversation stands) proves nothing arrived.
        var store = new InMemoryDirectLineConversationStore(Options.Create(new DirectLineOptions { MaxActivities = 100, MaxActivitiesPerConversation = 200 }), new Clock());
        await store.CreateAsync("read", CancellationToken.None);
        await store.CreateAsync("busy", CancellationToken.None);
        for (var i = 0; i < 60; i++)
        {
            await store.AppendAsync("read", new DirectLineActivity { Type = "message", Text = $"{i}" }, CancellationToken.None);
        }

        await store.GetActivitiesAsync("read", null, CancellationToken.None);
        for (var i = 0; i < 60; i++)
        {
            await store.AppendAsync("busy", new DirectLineActivity { Type = "message", Text = $"{i}" }, CancellationToken.None);
        }

        Assert.Equal(60, (await store.GetActivitiesAsync("read", null, CancellationToken.None))!.Activities.Count);
    }

    // Three conversations of 40 activities each, appended one after the other (the first the least recently used), in a
    // store bounded at 100; each conversation's client fetches its activities as they come, or not at all.
    private static async Task<InMemoryDirectLineConversationStore> ThreeConversationsPastTheBoundAsync(bool fetched)
    {
        var clock = new Clock();
        var store = new InMemoryDirectLineConversationStore(Options.Create(new DirectLineOptions { MaxActivities = 100, MaxActivitiesPerConversation = 50 }), clock);
        foreach (var id in new[] { "old", "middle", "new" })
        {
            await store.CreateAsync(id, CancellationToken.None);
            await store.RememberAnswerAsync(id, "a1", new AnsweredTurn("q", new ChatBot.Core.Answering.Answer { Question = "q", StandaloneQuestion = "q", Text = "t", Mode = ChatBot.Core.Answering.AnswerMode.Extractive, PromptVersion = "v" }), CancellationToken.None);
            string? watermark = null;
            for (var i = 0; i < 40; i++)
            {
                clock.Now += TimeSpan.FromSeconds(1);
                await store.AppendAsync(id, new DirectLineActivity { Type = "message", Text = $"{id} {i}" }, CancellationToken.None);
                if (fetched)
                {
                    // As a client polls: each request after the watermark of the page before shows that page arrived.
                    watermark = (await store.GetActivitiesAsync(id, watermark, CancellationToken.None))!.Watermark;
                    await store.GetActivitiesAsync(id, watermark, CancellationToken.None);
                }
            }
        }

        return store;
    }

    [Fact]
    public async Task AppendAsync_OneConversationAlonePastMaxActivities_KeepsWhatItAppends()
    {
        // Nothing else to give up: the conversation being answered never loses its own reply.
        var store = new InMemoryDirectLineConversationStore(Options.Create(new DirectLineOptions { MaxActivities = 100, MaxActivitiesPerConversation = 200 }), new Clock());
        await store.CreateAsync("only", CancellationToken.None);
        for (var i = 0; i < 150; i++)
        {
            await store.AppendAsync("only", new DirectLineActivity { Type = "message", Text = $"{i}" }, CancellationToken.None);
        }

        var page = await store.GetActivitiesAsync("only", null, CancellationToken.None);
        Assert.Equal(150, page!.Activities.Count);
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
