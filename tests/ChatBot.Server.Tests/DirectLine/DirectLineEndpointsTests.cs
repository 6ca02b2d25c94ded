using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Feedback;
using ChatBot.Server.Tests.Fakes;
using ChatBot.Server.Widget;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.DirectLine;

public sealed class DirectLineEndpointsTests : IDisposable
{
    private const string EditorKey = "editor-key-for-tests-0123456789";
    private readonly ChatBotServerFactory _factory = new(new Dictionary<string, string?>
    {
        ["Editor:Enabled"] = "true",
        ["Editor:Key"] = EditorKey,
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PostActivity_Question_EchoesWithIdThenTypingThenCitedAnswer()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        var postedId = await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);

        var echo = client.Seen.Single(a => a["channelData"]?["clientActivityID"]?.GetValue<string>() == "client-1");
        Assert.Equal(postedId, echo["id"]!.GetValue<string>());
        Assert.Equal("How close did IS get to Palmyra?", echo["text"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        var order = client.Seen.Select(a => a["id"]!.GetValue<string>()).ToList();
        var typing = client.Seen.Single(a => a["type"]!.GetValue<string>() == "typing");
        Assert.Null(typing["text"]);
        Assert.True(order.IndexOf(echo["id"]!.GetValue<string>()) < order.IndexOf(typing["id"]!.GetValue<string>()));
        Assert.True(order.IndexOf(typing["id"]!.GetValue<string>()) < order.IndexOf(answer["id"]!.GetValue<string>()));

        var text = answer["text"]!.GetValue<string>();
        Assert.Contains("[1][1]", text, StringComparison.Ordinal);
        Assert.Contains("[1]: cite:1 \"The New Arab", text, StringComparison.Ordinal);
        var citations = answer["entities"]![0]!["citation"]!.AsArray();
        Assert.Equal([1, 2, 3, 4], citations.Select(c => c!["position"]!.GetValue<int>()));
        Assert.Contains("four kilometres", citations[0]!["appearance"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(postedId, answer["replyToId"]!.GetValue<string>());
        var chips = answer["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("When did regime forces recapture Palmyra?", chips);
    }

    [Fact]
    public async Task PostActivity_FollowUpInSameConversation_PassesEarlierTurnToService()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        await client.AskAsync("What did IS seize near Palmyra?", "client-1");
        await client.WaitForAsync(DirectLineClient.IsAnswer);
        var secondId = await client.AskAsync("How close did they get?", "client-2");
        await client.WaitForAsync(a => DirectLineClient.IsAnswer(a) && a["replyToId"]?.GetValue<string>() == secondId);

        var followUp = _factory.Answering.Requests.Single(r => r.Question == "How close did they get?");
        Assert.Equal(["What did IS seize near Palmyra?"], followUp.Turns);
        Assert.False(followUp.IncludeTrace);
    }

    [Fact]
    public async Task PostActivity_AnswerCitations_NameTheSeedArticles()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();

        await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);

        var appearances = answer["entities"]![0]!["citation"]!.AsArray().Select(c => c!["appearance"]!).ToList();
        var names = appearances.Select(a => a["name"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["newarab-divided-fronts", "duran-palmyra-advance", "eaworldview-isis-counterattack", "newarab-aleppo-fate"],
            appearances.Select(a => a["identifier"]!.GetValue<string>()));
        Assert.Equal("The New Arab: Syrian regime struggles to sustain fight on divided fronts (2016-12-09)", names[0]);
        Assert.Equal("The Duran: Syrian army advances on Palmyra (2016-03-20)", names[1]);
    }

    [Fact]
    public async Task GetActivities_WithoutToken_Returns401()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();

        using var response = await http.GetAsync($"/v3/directline/conversations/{client.ConversationId}/activities?watermark=");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetActivities_TokenOfAnotherConversation_Returns403()
    {
        var http = _factory.CreateClient();
        var mine = new DirectLineClient(http);
        var theirs = new DirectLineClient(http);
        await mine.StartAsync();
        await theirs.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mine.Token);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsNewTokenForSameConversation()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await http.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.ConversationId, body["conversationId"]!.GetValue<string>());
        Assert.True(body["expires_in"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Feedback_ThumbsDownThenReason_StoresRecordWithQuestionAnswerAndCitations()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);
        var dislike = answer["entities"]![0]!["potentialAction"]!.AsArray().Single(a => a!["@type"]!.GetValue<string>() == "DislikeAction")!;

        // What Web Chat 4.18 posts when the thumbs-down button is pressed.
        await client.PostAsync(new { type = "event", name = "webchat:activity-status/feedback", entities = new[] { dislike }, channelData = new { clientActivityID = "client-2" } });
        var prompt = await client.WaitForAsync(a => DirectLineClient.IsBotMessage(a) && a["text"]!.GetValue<string>().Contains("What was wrong", StringComparison.Ordinal));
        var misattributed = prompt["suggestedActions"]!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Misattributed")!;
        Assert.Equal(["Wrong source", "Misattributed", "Missing outlet", "Outdated", "Other"], prompt["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        await client.PostAsync(new { type = "message", text = "Misattributed", value = misattributed["value"], channelData = new { clientActivityID = "client-3" } });
        await client.WaitForAsync(a => DirectLineClient.IsBotMessage(a) && a["text"]!.GetValue<string>().Contains("Thank you", StringComparison.Ordinal));

        var store = _factory.Services.GetRequiredService<IFeedbackStore>();
        var records = new List<FeedbackRecord>();
        await foreach (var record in store.ReadAsync(null, CancellationToken.None))
        {
            records.Add(record);
        }

        var stored = Assert.Single(records);
        Assert.False(stored.Helpful);
        Assert.Equal("misattributed", stored.Reason);
        Assert.Equal("How close did IS get to Palmyra?", stored.Question);
        Assert.Contains("four kilometres", stored.Answer, StringComparison.Ordinal);
        Assert.Equal("newarab-divided-fronts", stored.Citations[0].ArticleId);
        Assert.Equal("0123456789ab", stored.PromptVersion);
        Assert.Equal("webchat", stored.Channel);
        Assert.Equal(0, _factory.Answering.Requests.Count(r => r.Question == "Misattributed"));
    }

    [Fact]
    public async Task Feedback_OnAnAnswerNoLongerKept_SaysItWasNotRecorded()
    {
        // The store forgets old answers (DirectLine:MaxActivities and the per-conversation limit): feedback on one must
        // not vanish without a word, nor offer reasons it cannot record.
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        var forgotten = new JsonObject { ["@type"] = "DislikeAction", ["@id"] = $"{WebChatAnswerRenderer.FeedbackIdPrefix}no-such-answer:dislike" };

        await client.PostAsync(new { type = "event", name = "webchat:activity-status/feedback", entities = new[] { forgotten } });

        var reply = await client.WaitForAsync(a => DirectLineClient.IsBotMessage(a) && a["text"]!.GetValue<string>().Contains("not recorded", StringComparison.Ordinal));
        Assert.Null(reply["suggestedActions"]);
        var store = _factory.Services.GetRequiredService<IFeedbackStore>();
        await foreach (var record in store.ReadAsync(null, CancellationToken.None))
        {
            Assert.Fail($"a record was stored: {record.Question}");
        }
    }

    [Fact]
    public async Task Feedback_ThumbsUp_StoresHelpfulRecord()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync();
        await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var answer = await client.WaitForAsync(DirectLineClient.IsAnswer);
        var like = answer["entities"]![0]!["potentialAction"]![0]!;

        await client.PostAsync(new { type = "event", name = "webchat:activity-status/feedback", entities = new[] { like } });

        var store = _factory.Services.GetRequiredService<IFeedbackStore>();
        FeedbackRecord? stored = null;
        for (var attempt = 0; attempt < 200 && stored is null; attempt++)
        {
            await foreach (var record in store.ReadAsync(null, CancellationToken.None))
            {
                stored = record;
            }

            await Task.Delay(stored is null ? 25 : 0);
        }

        Assert.NotNull(stored);
        Assert.True(stored.Helpful);
        Assert.Null(stored.Reason);
    }

    [Fact]
    public async Task GenerateToken_WrongEditorKey_Returns403WithoutEchoingKey()
    {
        var http = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Add("X-ChatBot-Editor-Key", "not-the-key-guess-123");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("not-the-key-guess-123", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_EditorConversation_AnswerFollowedByTrace()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.StartAsync(EditorKey);

        await client.AskAsync("How close did IS get to Palmyra?", "client-1");
        var trace = await client.WaitForAsync(a => DirectLineClient.IsBotMessage(a) && a["text"]!.GetValue<string>().Contains("editors' view", StringComparison.Ordinal) && a["text"]!.GetValue<string>().Contains("Passages retrieved", StringComparison.Ordinal));

        Assert.True(Assert.Single(_factory.Answering.Requests).IncludeTrace);
        Assert.Contains("score 7.25", trace["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_EditorKeyInQueryString_DoesNotOpenEditorsView()
    {
        var http = _factory.CreateClient();
        using var tokenResponse = await http.PostAsync($"/v3/directline/tokens/generate?editor=1&key={EditorKey}", null);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "How close did IS get to Palmyra?" }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(post)).Dispose();

        for (var attempt = 0; attempt < 200 && _factory.Answering.Requests.IsEmpty; attempt++)
        {
            await Task.Delay(25);
        }

        Assert.False(Assert.Single(_factory.Answering.Requests).IncludeTrace);
    }
}
