using ChatBot.Cli.Benchmarks;

namespace ChatBot.Cli.Tests.Benchmarks;

public sealed class DirectLineLoadTestTests
{
    private static readonly string[] Questions = ["Who reported the ceasefire?", "When did the talks start?"];

    [Fact]
    public async Task RunAsync_ReplyWithANumberForItsReplyToId_CountsAnErrorAndGoesOn()
    {
        // The first question's reply is malformed; the second's is sound.
        await using var server = new FakeDirectLineServer((id, number) => number == 0
            ? ["""{"type": "message", "from": {"id": "bot"}, "replyToId": 7, "conversation": {"id": "conversation-1"}}"""]
            : [Reply(id)]);
        server.Start();

        var result = await LoadTest(server).RunAsync(Questions, conversations: 1, asksPerConversation: 2, CancellationToken.None);

        Assert.Equal(2, result.Asked);
        Assert.Equal(1, result.Errors);
        Assert.Equal(1, result.Answered);
        Assert.Equal(0, result.Lost);
        Assert.Contains(result.ErrorSamples, s => s.Contains("replyToId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TypingActivityWithANumberForItsSender_IsNotReadAndTheReplyCounts()
    {
        await using var server = new FakeDirectLineServer((id, _) =>
            ["""{"type": "typing", "from": {"id": 42}}""", Reply(id)]);
        server.Start();

        var result = await LoadTest(server).RunAsync(Questions, conversations: 1, asksPerConversation: 2, CancellationToken.None);

        Assert.Empty(result.ErrorSamples);
        Assert.Equal(0, result.Errors);
        Assert.Equal(2, result.Answered);
    }

    private static DirectLineLoadTest LoadTest(FakeDirectLineServer server) =>
        new(server.Address, replyTimeout: TimeSpan.FromSeconds(10), pollInterval: TimeSpan.FromMilliseconds(20), DirectLineTransport.WebSocket);

    private static string Reply(string activityId) =>
        $$"""{"type": "message", "from": {"id": "bot"}, "replyToId": "{{activityId}}", "conversation": {"id": "conversation-1"}, "text": "An answer."}""";
}
