using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Server.Bot;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Bot;

/// <summary>Answers streamed into Teams through the fake Connector: personal chats stream, group chats do not.</summary>
public sealed class AnsweringActivityHandlerTests : IClassFixture<BotFrameworkLoopback>, IDisposable
{
    private const string First = "The New Arab reported that IS came within four kilometres of Palmyra [1].";
    private const string Second = "EA WorldView reported an IS claim of dozens of pro-Assad fighters killed [2].";

    private readonly BotFrameworkLoopback _loopback;
    private readonly BotApplicationFactory _factory;
    private readonly HttpClient _client;

    public AnsweringActivityHandlerTests(BotFrameworkLoopback loopback)
    {
        _loopback = loopback;
        _loopback.Clear();
        _factory = new BotApplicationFactory(loopback);
        // One sentence a little more than Teams' one-second interval apart, so each gets a chunk of its own.
        _factory.Answering.StreamedSentences = [First, Second];
        _factory.Answering.StreamPause = TimeSpan.FromMilliseconds(1100);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task OnMessage_TeamsPersonalChat_StreamsTypingChunksThenFinalWithCitations()
    {
        using var response = await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await _loopback.WaitForPostedAsync(4);
        Assert.Equal(["typing", "typing", "typing", "message"], posted.Select(p => (string?)p.Body["type"]));
        Assert.Null(posted[0].Body["text"]);
        Assert.Null(StreamInfo(posted[0].Body));

        var first = posted[1].Body;
        var firstInfo = StreamInfo(first)!;
        Assert.Equal(AnswerActivityFactory.TeamsMarkdown(First), (string?)first["text"]);
        Assert.Equal("streaming", (string?)firstInfo["streamType"]);
        Assert.Equal(1, (int)firstInfo["streamSequence"]!);
        Assert.Null(firstInfo["streamId"]);
        Assert.Equal(1, (int)first["channelData"]!["streamSequence"]!);

        var streamId = posted[1].AssignedId;
        var second = posted[2].Body;
        var secondInfo = StreamInfo(second)!;
        Assert.Equal(AnswerActivityFactory.TeamsMarkdown(First + " " + Second), (string?)second["text"]);
        Assert.Equal(streamId, (string?)secondInfo["streamId"]);
        Assert.Equal(2, (int)secondInfo["streamSequence"]!);
        Assert.Equal(streamId, (string?)second["channelData"]!["streamId"]);
        Assert.Equal("streaming", (string?)second["channelData"]!["streamType"]);

        // Citations, the AI label and the feedback buttons ride only on the final message.
        foreach (var chunk in posted.Take(3).Select(p => p.Body))
        {
            Assert.DoesNotContain(Entities(chunk), e => (string?)e["type"] == "https://schema.org/Message");
            Assert.Null(chunk["channelData"]?["feedbackLoop"]);
        }

        var final = posted[3].Body;
        var finalInfo = StreamInfo(final)!;
        Assert.Equal(streamId, (string?)finalInfo["streamId"]);
        Assert.Equal("final", (string?)finalInfo["streamType"]);
        Assert.Null(finalInfo["streamSequence"]);
        Assert.Equal("final", (string?)final["channelData"]!["streamType"]);
        Assert.Equal("default", (string?)final["channelData"]!["feedbackLoop"]?["type"]);
        var message = Assert.Single(Entities(final), e => (string?)e["type"] == "https://schema.org/Message");
        Assert.Equal(3, message["citation"]!.AsArray().Count);
        Assert.Contains("**Where reports disagree**", (string)final["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnMessage_TeamsPersonalChatStreamed_FeedbackNamesTheStreamId()
    {
        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), _loopback.ChannelToken()));
        var streamId = (await _loopback.WaitForPostedAsync(4))[1].AssignedId;

        var ledger = _factory.Services.GetRequiredService<IReplyLedger>();
        for (var waited = 0; ledger.Find("a:1personal-chat", streamId) is null && waited < 5000; waited += 20)
        {
            await Task.Delay(20);
        }

        Assert.NotNull(ledger.Find("a:1personal-chat", streamId));
    }

    [Fact]
    public async Task OnMessage_TeamsGroupChat_TypingThenAnswerWithoutStreaming()
    {
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?", conversationId: "19:group@thread.v2", conversationType: "groupChat");

        await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));
        var posted = await _loopback.WaitForPostedAsync(2);
        await Task.Delay(500);

        Assert.Equal(["typing", "message"], _loopback.Posted.Select(p => (string?)p.Body["type"]));
        Assert.All(_loopback.Posted, p => Assert.Null(StreamInfo(p.Body)));
        Assert.Null(posted[0].Body["text"]);
        Assert.Contains("within four kilometres", (string)posted[1].Body["text"]!, StringComparison.Ordinal);
        Assert.Null(posted[1].Body["channelData"]?["streamId"]);
    }

    [Fact]
    public async Task OnMessage_TeamsRefusesTheStream_StopsStreamingAndSendsTheAnswerAsAMessage()
    {
        _loopback.Refuse = body => (int?)StreamInfo(body)?["streamSequence"] == 2
            ? Results.Json(new { error = new { code = "ContentStreamNotAllowed", message = "Content stream is not allowed" } }, statusCode: StatusCodes.Status403Forbidden)
            : null;

        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), _loopback.ChannelToken()));
        var posted = await _loopback.WaitForPostedAsync(4);
        await Task.Delay(500);

        Assert.Equal(4, _loopback.Posted.Count);
        var final = posted[3].Body;
        Assert.Equal("message", (string?)final["type"]);
        Assert.Null(StreamInfo(final));
        Assert.Contains(Entities(final), e => (string?)e["type"] == "https://schema.org/Message");
    }

    private static IEnumerable<JsonObject> Entities(JsonObject activity) =>
        activity["entities"] is JsonArray entities ? entities.Select(e => e!.AsObject()) : [];

    private static JsonObject? StreamInfo(JsonObject activity) =>
        Entities(activity).SingleOrDefault(e => (string?)e["type"] == "streaminfo");
}
