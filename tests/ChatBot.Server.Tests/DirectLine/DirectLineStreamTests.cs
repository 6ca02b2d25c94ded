using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Server.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Server.Tests.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ChatBotServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Stream_Question_GreetingThenAnswerWithReplyToIdArriveAsActivitySets()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        using var socket = await ConnectAsync(client.StreamUrl);

        var greeting = await ReceiveUntilAsync(socket, DirectLineClient.IsBotMessage);
        var postedId = await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var seen = new List<JsonObject>();
        var answer = await ReceiveUntilAsync(socket, a => DirectLineClient.IsAnswer(a) && a["replyToId"]?.GetValue<string>() == postedId, seen);

        Assert.Null(greeting["replyToId"]);
        Assert.Contains(seen, a => a["id"]!.GetValue<string>() == postedId && a["text"]!.GetValue<string>() == "How close did IS get to Palmyra?");
        Assert.Contains(seen, a => a["type"]!.GetValue<string>() == "typing");
        Assert.Contains("[1][1]", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(client.ConversationId, answer["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_TwoConversations_NeitherSeesTheOthersActivities()
    {
        var http = _factory.CreateClient();
        var first = new DirectLineClient(http);
        var second = new DirectLineClient(http);
        await first.StartAsync();
        await second.StartAsync();
        using var firstSocket = await ConnectAsync(first.StreamUrl);
        using var secondSocket = await ConnectAsync(second.StreamUrl);

        var firstId = await first.AskAsync("What did IS seize near Palmyra?", "a-1");
        var secondId = await second.AskAsync("How close did IS get to Palmyra?", "b-1");
        var firstSeen = new List<JsonObject>();
        var secondSeen = new List<JsonObject>();
        await ReceiveUntilAsync(firstSocket, a => DirectLineClient.IsAnswer(a) && a["replyToId"]?.GetValue<string>() == firstId, firstSeen);
        await ReceiveUntilAsync(secondSocket, a => DirectLineClient.IsAnswer(a) && a["replyToId"]?.GetValue<string>() == secondId, secondSeen);

        Assert.All(firstSeen, a => Assert.Equal(first.ConversationId, a["conversation"]!["id"]!.GetValue<string>()));
        Assert.All(secondSeen, a => Assert.Equal(second.ConversationId, a["conversation"]!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(firstSeen, a => a["replyToId"]?.GetValue<string>() == secondId || a["id"]!.GetValue<string>() == secondId);
        Assert.DoesNotContain(secondSeen, a => a["replyToId"]?.GetValue<string>() == firstId || a["id"]!.GetValue<string>() == firstId);
    }

    [Theory]
    [InlineData("not-a-token", "403")]
    [InlineData("", "401")]
    public async Task Stream_BadOrMissingToken_IsRefused(string token, string status)
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        var url = new UriBuilder(client.StreamUrl) { Query = token.Length == 0 ? string.Empty : $"t={token}" }.Uri;

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => ConnectAsync(url));

        Assert.Contains(status, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_TokenOfAnotherConversation_IsRefused()
    {
        var http = _factory.CreateClient();
        var mine = new DirectLineClient(http);
        var theirs = new DirectLineClient(http);
        await mine.StartAsync();
        await theirs.StartAsync();
        var url = new UriBuilder(theirs.StreamUrl) { Query = $"t={Uri.EscapeDataString(mine.Token)}" }.Uri;

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => ConnectAsync(url));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_SecondConnection_ClosesTheFirstAsCollision()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        using var first = await ConnectAsync(client.StreamUrl);
        await ReceiveUntilAsync(first, DirectLineClient.IsBotMessage);

        using var second = await ConnectAsync(client.StreamUrl);
        var closed = await ReceiveCloseAsync(first);

        Assert.Equal("collision", closed);
        await ReceiveUntilAsync(second, DirectLineClient.IsBotMessage);
    }

    [Fact]
    public async Task Stream_MaxStreamsOpen_AnotherConversationGets503()
    {
        using var factory = new ChatBotServerFactory(new Dictionary<string, string?> { ["DirectLine:MaxStreams"] = "1" });
        var http = factory.CreateClient();
        var first = new DirectLineClient(http);
        var second = new DirectLineClient(http);
        await first.StartAsync();
        await second.StartAsync();
        using var open = await factory.Server.CreateWebSocketClient().ConnectAsync(first.StreamUrl, CancellationToken.None);
        await ReceiveUntilAsync(open, DirectLineClient.IsBotMessage);

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => factory.Server.CreateWebSocketClient().ConnectAsync(second.StreamUrl, CancellationToken.None));

        Assert.Contains("503", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ServerStopping_ClosesAsEndpointUnavailable()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        using var socket = await ConnectAsync(client.StreamUrl);
        await ReceiveUntilAsync(socket, DirectLineClient.IsBotMessage);

        _factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var closed = await ReceiveCloseAsync(socket);

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Equal("The server is shutting down.", closed);
    }

    [Fact]
    public async Task GetConversation_Reconnect_StreamUrlReplaysFromWatermark()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        var postedId = await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        await client.WaitForAsync(a => DirectLineClient.IsAnswer(a) && a["replyToId"]?.GetValue<string>() == postedId);

        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=1");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await http.SendAsync(get);
        response.EnsureSuccessStatusCode();
        var streamUrl = new Uri((await response.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!.GetValue<string>());
        using var socket = await ConnectAsync(streamUrl);
        var seen = new List<JsonObject>();
        await ReceiveUntilAsync(socket, a => DirectLineClient.IsAnswer(a), seen);

        Assert.Contains("watermark=1", streamUrl.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(seen, a => a["replyToId"] is null && DirectLineClient.IsBotMessage(a)); // the greeting (1) is not replayed
        Assert.Contains(seen, a => a["id"]!.GetValue<string>() == postedId);
    }

    private async Task<WebSocket> ConnectAsync(Uri url)
    {
        using var timeout = new CancellationTokenSource(Bound);
        return await _factory.Server.CreateWebSocketClient().ConnectAsync(url, timeout.Token);
    }

    /// <summary>Reads ActivitySets (skipping empty keep-alives) until an activity matches; every activity read goes to <paramref name="seen"/>.</summary>
    private static async Task<JsonObject> ReceiveUntilAsync(WebSocket socket, Func<JsonObject, bool> match, List<JsonObject>? seen = null)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (true)
        {
            var (type, text) = await ReceiveAsync(socket, timeout.Token);
            Assert.Equal(WebSocketMessageType.Text, type);
            if (text.Length == 0)
            {
                continue;
            }

            var set = JsonNode.Parse(text)!.AsObject();
            Assert.NotNull(set["watermark"]);
            foreach (var activity in set["activities"]!.AsArray().Select(a => a!.AsObject()))
            {
                seen?.Add(activity);
                if (match(activity))
                {
                    return activity;
                }
            }
        }
    }

    private static async Task<string?> ReceiveCloseAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (true)
        {
            var (type, _) = await ReceiveAsync(socket, timeout.Token);
            if (type == WebSocketMessageType.Close)
            {
                return socket.CloseStatusDescription;
            }
        }
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage || received.MessageType == WebSocketMessageType.Close)
            {
                return (received.MessageType, Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }
}
