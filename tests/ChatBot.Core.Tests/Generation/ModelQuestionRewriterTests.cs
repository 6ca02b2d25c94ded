using ChatBot.Core.Generation;

namespace ChatBot.Core.Tests.Generation;

public class ModelQuestionRewriterTests
{
    private static (ModelQuestionRewriter Rewriter, FakeRuleRewriter Rules) Create(FakeOpenAiServer server)
    {
        var options = server.Options(maxRetries: 0);
        var rules = new FakeRuleRewriter();
        return (new ModelQuestionRewriter(new ResilientChatClient(OpenAiChatClient.Create(options), options), new FixedPromptSetProvider(), rules), rules);
    }

    [Fact]
    public async Task RewriteAsync_FollowUp_ReturnsTheModelsStandaloneQuestion()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text("\"How close did IS get to Palmyra?\"\n"));
        var (rewriter, rules) = Create(server);

        var standalone = await rewriter.RewriteAsync("How close did they get?", ["What did IS seize near Palmyra?"], CancellationToken.None);

        Assert.Equal("How close did IS get to Palmyra?", standalone);
        Assert.Equal(0, rules.Calls);
        Assert.Contains("What did IS seize near Palmyra?", server.Requests[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_ModelFails_UsesTheRuleBasedRewriter()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(503));
        var (rewriter, rules) = Create(server);

        var standalone = await rewriter.RewriteAsync("How close did they get?", ["What did IS seize near Palmyra?"], CancellationToken.None);

        Assert.Equal("rules: How close did they get?", standalone);
        Assert.Equal(1, rules.Calls);
    }

    [Fact]
    public async Task RewriteAsync_NoEarlierTurns_ReturnsTheQuestionWithoutACall()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text("something else"));
        var (rewriter, _) = Create(server);

        var standalone = await rewriter.RewriteAsync("Who holds Palmyra?", [], CancellationToken.None);

        Assert.Equal("Who holds Palmyra?", standalone);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RewriteAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        var (rewriter, rules) = Create(server);
        using var cts = new CancellationTokenSource();

        var call = rewriter.RewriteAsync("How close did they get?", ["What did IS seize?"], cts.Token);
        await server.RequestArrived.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, rules.Calls);
    }
}
