using ChatBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Conversations;

public sealed class InMemoryConversationStoreTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private InMemoryConversationStore Create(int maxTurns = 3, int maxConversations = 2, int idleMinutes = 10) =>
        new(Options.Create(new ConversationOptions { MaxTurnsPerConversation = maxTurns, MaxConversations = maxConversations, IdleExpiryMinutes = idleMinutes }), _time);

    [Fact]
    public async Task AddTurn_PastTheLimit_KeepsNewestTurnsOldestFirst()
    {
        var store = Create(maxTurns: 2);

        foreach (var question in new[] { "one", "two", "three" })
        {
            await store.AddTurnAsync("c1", question, CancellationToken.None);
        }

        Assert.Equal(["two", "three"], await store.GetTurnsAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task GetTurns_IdlePastExpiry_ReturnsEmpty()
    {
        var store = Create(idleMinutes: 10);
        await store.AddTurnAsync("c1", "one", CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(["one"], await store.GetTurnsAsync("c1", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(await store.GetTurnsAsync("c1", CancellationToken.None));
    }

    [Fact]
    public async Task AddTurn_PastConversationLimit_DropsLeastRecentlyUsed()
    {
        var store = Create(maxConversations: 2);
        await store.AddTurnAsync("old", "a", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await store.AddTurnAsync("recent", "b", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        await store.AddTurnAsync("new", "c", CancellationToken.None);

        Assert.Equal(2, store.Count);
        Assert.Empty(await store.GetTurnsAsync("old", CancellationToken.None));
        Assert.Equal(["b"], await store.GetTurnsAsync("recent", CancellationToken.None));
    }

    [Fact]
    public async Task GetTurns_UnknownConversation_ReturnsEmpty()
    {
        Assert.Empty(await Create().GetTurnsAsync("nobody", CancellationToken.None));
    }
}
