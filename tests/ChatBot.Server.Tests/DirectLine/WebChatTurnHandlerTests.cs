using System.Text.Json.Nodes;
using ChatBot.Server.Tests.Fakes;
using ChatBot.Server.Widget;

namespace ChatBot.Server.Tests.DirectLine;

/// <summary>Answers streamed to Web Chat 4.18 over the local Direct Line: livestream chunks, the final answer, abandonment.</summary>
public sealed class WebChatTurnHandlerTests : IDisposable
{
    private const string First = "The Duran reported that the Syrian army advanced towards Palmyra [1].";
    private const string Second = "EA WorldView reported that IS claimed to have killed dozens of pro-Assad troops [2].";

    private readonly ChatBotServerFactory _factory = new(new Dictionary<string, string?>
    {
        ["DirectLine:StreamIntervalMilliseconds"] = "100",
        ["DirectLine:AbandonedAfterSeconds"] = "1",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PostActivity_StreamedAnswer_TypingChunksWithGrowingTextThenFinalMessage()
    {
        _factory.Answering.StreamedSentences = [First, Second];
        _factory.Answering.StreamPause = TimeSpan.FromMilliseconds(300);
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        var postedId = await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);

        var typing = client.Seen.Where(a => (string?)a["type"] == "typing").ToList();
        Assert.Null(typing[0]["text"]);
        Assert.Null(typing[0]["channelData"]);
        var chunks = typing.Skip(1).ToList();
        Assert.Equal(2, chunks.Count);
        Assert.Equal(MarkdownText.Escape(First), (string?)chunks[0]["text"]);
        Assert.Equal(MarkdownText.Escape(First + " " + Second), (string?)chunks[1]["text"]);
        Assert.All(chunks, c => Assert.Equal(postedId, (string?)c["replyToId"]));

        var streamId = (string)chunks[0]["id"]!;
        Assert.Equal("streaming", (string?)chunks[0]["channelData"]!["streamType"]);
        Assert.Equal(1, (int)chunks[0]["channelData"]!["streamSequence"]!);
        Assert.Null(chunks[0]["channelData"]!["streamId"]);
        Assert.Equal("streaming", (string?)chunks[1]["channelData"]!["streamType"]);
        Assert.Equal(2, (int)chunks[1]["channelData"]!["streamSequence"]!);
        Assert.Equal(streamId, (string?)chunks[1]["channelData"]!["streamId"]);

        // The final answer replaces the stream: the (fallback) answer's own text, citations, chips and feedback.
        Assert.Equal(streamId, (string?)answer["channelData"]!["streamId"]);
        Assert.Equal("final", (string?)answer["channelData"]!["streamType"]);
        Assert.Null(answer["channelData"]!["streamSequence"]);
        var text = (string)answer["text"]!;
        Assert.Contains("within four kilometres", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dozens of pro\\-Assad troops \\[2\\]", text, StringComparison.Ordinal);
        Assert.Equal(4, answer["entities"]![0]!["citation"]!.AsArray().Count);
        Assert.Equal(2, answer["entities"]![0]!["potentialAction"]!.AsArray().Count);
        Assert.NotNull(answer["suggestedActions"]);

        var order = client.Seen.Select(a => (string)a["id"]!).ToList();
        Assert.True(order.IndexOf(streamId) < order.IndexOf((string)chunks[1]["id"]!));
        Assert.True(order.IndexOf((string)chunks[1]["id"]!) < order.IndexOf((string)answer["id"]!));
    }

    [Fact]
    public async Task PostActivity_FinalOnlyAnswer_TypingThenAnswerWithoutStreamMetadata()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);

        var typing = Assert.Single(client.Seen, a => (string?)a["type"] == "typing");
        Assert.Null(typing["text"]);
        Assert.Null(answer["channelData"]);
    }

    [Fact]
    public async Task PostActivity_NobodyPollsWhileAnswering_CancelsTheAnswerAndClosesTheStream()
    {
        _factory.Answering.StreamedSentences = [First];
        _factory.Answering.HangAfterSentences = true;
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        var postedId = await client.AskAsync("How close did IS get to Palmyra?", "client-1");

        // The client went away (it stopped polling): within AbandonedAfterSeconds the model call is cancelled.
        await _factory.Answering.StreamCancelled.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var closed = await client.WaitForAsync(a => (string?)a["type"] == "typing" && (string?)a["channelData"]?["streamType"] == "final");
        var chunk = Assert.Single(client.Seen, a => (string?)a["channelData"]?["streamType"] == "streaming");
        Assert.Equal((string?)chunk["id"], (string?)closed["channelData"]!["streamId"]);
        Assert.Null(closed["text"]);
        Assert.DoesNotContain(client.Seen, a => DirectLineClient.IsBotMessage(a) && (string?)a["replyToId"] == postedId);
    }
}
