using ChatBot.Core.Generation;
using Microsoft.Extensions.AI;

namespace ChatBot.Core.Tests.Generation;

/// <summary>
/// What every <see cref="IChatClient"/> of ours must do against an OpenAI-compatible server: replies, streaming,
/// settings sent, failures as <see cref="ModelCallException"/>, cancellation as <see cref="OperationCanceledException"/>.
/// </summary>
public abstract class ChatClientContractTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.System, "Be brief."), new(ChatRole.User, "Where is Palmyra?")];

    /// <summary>The client under test, talking to <paramref name="server"/> with SDK retries off (and Polly's off too, so each reply is seen once).</summary>
    private protected abstract IChatClient CreateClient(FakeOpenAiServer server);

    [Fact]
    public async Task GetResponseAsync_TextReply_ReturnsTextAndUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text("In the Syrian desert."));
        using var client = CreateClient(server);

        var response = await client.GetResponseAsync(Question, cancellationToken: CancellationToken.None);

        Assert.Equal("In the Syrian desert.", response.Text);
        Assert.Equal(160, response.Usage?.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_WithOptions_SendsMessagesTemperatureAndMaxTokens()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text("ok"));
        using var client = CreateClient(server);

        await client.GetResponseAsync(Question, new ChatOptions { Temperature = 0.25f, MaxOutputTokens = 77 }, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal(0.25, request.GetProperty("temperature").GetDouble(), 3);
        var maxTokens = request.TryGetProperty("max_completion_tokens", out var m) ? m : request.GetProperty("max_tokens");
        Assert.Equal(77, maxTokens.GetInt32());
        var messages = request.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("Where is Palmyra?", messages[1].GetProperty("content").ValueKind == System.Text.Json.JsonValueKind.String
            ? messages[1].GetProperty("content").GetString()
            : messages[1].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ChunkedReply_YieldsPiecesThatMakeTheReply()
    {
        const string text = "Palmyra lies in the desert east of Homs. It has changed hands twice.";
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Text(text));
        using var client = CreateClient(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Question, cancellationToken: CancellationToken.None))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2);
        Assert.Equal(text, string.Concat(updates.Select(u => u.Text)));
        Assert.True(server.Requests[0].GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamCutHalfWay_ThrowsModelCallException()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Cut("one two three four five six seven eight nine ten eleven twelve."));
        using var client = CreateClient(server);

        await Assert.ThrowsAsync<ModelCallException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Question, cancellationToken: CancellationToken.None))
            {
            }
        });
    }

    [Fact]
    public async Task GetResponseAsync_MalformedBody_ThrowsModelCallException()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Malformed());
        using var client = CreateClient(server);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Question, cancellationToken: CancellationToken.None));

        Assert.Equal(ModelFailure.Malformed, ex.Failure);
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_ThrowsWithStatusAndNoKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(400));
        using var client = CreateClient(server);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Question, cancellationToken: CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, ex.Status);
        Assert.DoesNotContain("sk-test-secret-key", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_Unreachable_ThrowsModelCallException()
    {
        var server = await FakeOpenAiServer.StartAsync();
        using var client = CreateClient(server);
        await server.DisposeAsync();

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Question, cancellationToken: CancellationToken.None));

        Assert.Equal(ModelFailure.Unreachable, ex.Failure);
    }

    [Fact]
    public async Task GetResponseAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        using var client = CreateClient(server);
        using var cts = new CancellationTokenSource();

        var call = client.GetResponseAsync(Question, cancellationToken: cts.Token);
        await server.RequestArrived.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        using var client = CreateClient(server);
        using var cts = new CancellationTokenSource();

        var call = Task.Run(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Question, cancellationToken: cts.Token))
            {
            }
        });
        await server.RequestArrived.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GetService_Metadata_NamesTheModel()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var client = CreateClient(server);

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("test-model", metadata?.DefaultModelId);
    }
}

public class OpenAiChatClientTests : ChatClientContractTests
{
    private protected override IChatClient CreateClient(FakeOpenAiServer server) => OpenAiChatClient.Create(server.Options());

    [Fact]
    public async Task GetResponseAsync_429_ThrowsOnceWithRetryAfter_SdkDoesNotRetry()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(429, retryAfter: "7"), Reply.Text("late"));
        using var client = CreateClient(server);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.True(ex.IsTransient);
        Assert.Single(server.Requests);
    }
}

public class ResilientChatClientTests : ChatClientContractTests
{
    private protected override IChatClient CreateClient(FakeOpenAiServer server)
    {
        var options = server.Options(maxRetries: 0);
        return new ResilientChatClient(OpenAiChatClient.Create(options), options);
    }

    [Fact]
    public async Task GetResponseAsync_429WithRetryAfterThenSuccess_RetriesOnceAndAnswers()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(429, retryAfter: "0"), Reply.Text("after the wait"));
        var options = server.Options(maxRetries: 2);
        using var client = new ResilientChatClient(OpenAiChatClient.Create(options), options);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: CancellationToken.None);

        Assert.Equal("after the wait", response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterLongerThanTheCap_GivesUpWithoutWaiting()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(429, retryAfter: "3600"), Reply.Text("never seen"));
        var options = server.Options(maxRetries: 2);
        using var client = new ResilientChatClient(OpenAiChatClient.Create(options), options);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, ex.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_NoReplyWithinTimeout_ThrowsTimeout()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Hang());
        var options = server.Options(timeoutSeconds: 0.3, maxRetries: 0);
        using var client = new ResilientChatClient(OpenAiChatClient.Create(options), options);

        var ex = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: CancellationToken.None));

        Assert.Equal(ModelFailure.Timeout, ex.Failure);
    }

    [Fact]
    public async Task GetResponseAsync_RepeatedFailures_OpenTheCircuitAndStopCalling()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Reply.Status(500), Reply.Status(500), Reply.Text("not reached"));
        var options = server.Options(maxRetries: 0);
        options.BreakerMinimumThroughput = 2;
        options.BreakerBreakSeconds = 600;
        using var client = new ResilientChatClient(OpenAiChatClient.Create(options), options);
        ChatMessage[] hi = [new(ChatRole.User, "hi")];

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(hi, cancellationToken: CancellationToken.None));
        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(hi, cancellationToken: CancellationToken.None));
        var third = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(hi, cancellationToken: CancellationToken.None));

        Assert.Equal(ModelFailure.CircuitOpen, third.Failure);
        Assert.Equal("open", client.State);
        Assert.True(client.IsOpen);
        Assert.Equal(2, server.Requests.Count);
    }
}
