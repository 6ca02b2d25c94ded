using ChatBot.Server.Bot;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatBot.Server.Tests.Bot;

/// <summary>POST /api/messages with the real token validation against keys this test publishes on loopback.</summary>
public sealed class BotEndpointTests : IClassFixture<BotFrameworkLoopback>, IDisposable
{
    private readonly BotFrameworkLoopback _loopback;
    private readonly BotApplicationFactory _factory;
    private readonly HttpClient _client;

    public BotEndpointTests(BotFrameworkLoopback loopback)
    {
        _loopback = loopback;
        _loopback.Clear();
        _factory = new BotApplicationFactory(loopback);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Post_ValidTeamsToken_AcknowledgesThenPostsTypingAndCitedAnswer()
    {
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?");

        using var response = await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await _loopback.WaitForPostedAsync(2);
        Assert.All(posted, p => Assert.Equal("Bearer " + FakeConnectorTokenProvider.Token, p.Authorization));
        Assert.All(posted, p => Assert.Equal("1700000000001", p.ReplyToId));
        Assert.Equal("typing", (string?)posted[0].Body["type"]);

        var reply = posted[^1].Body;
        Assert.Equal("message", (string?)reply["type"]);
        Assert.Equal("1700000000001", (string?)reply["replyToId"]);
        Assert.Equal("a:1personal-chat", (string?)reply["conversation"]?["id"]);
        Assert.Equal("29:user-1", (string?)reply["recipient"]?["id"]);
        var text = (string)reply["text"]!;
        Assert.Contains("within four kilometres", text, StringComparison.Ordinal);
        Assert.Contains("**Where reports disagree**", text, StringComparison.Ordinal);

        var messages = reply["entities"]!.AsArray().Where(e => (string?)e!["type"] == "https://schema.org/Message").ToList();
        var message = Assert.Single(messages)!;
        Assert.Equal("Message", (string?)message["@type"]);
        Assert.Equal("https://schema.org", (string?)message["@context"]);
        Assert.Equal(string.Empty, (string?)message["@id"]);
        Assert.Equal(["AIGeneratedContent"], message["additionalType"]!.AsArray().Select(n => (string?)n));
        var claims = message["citation"]!.AsArray();
        Assert.InRange(claims.Count, 1, 10);
        var markers = Regex.Matches(text, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var claim in claims)
        {
            Assert.Equal("Claim", (string?)claim!["@type"]);
            Assert.Contains((int)claim["position"]!, markers);
            Assert.InRange(((string)claim["appearance"]!["name"]!).Length, 1, 80);
            Assert.InRange(((string)claim["appearance"]!["abstract"]!).Length, 1, 160);
        }

        Assert.Equal("default", (string?)reply["channelData"]?["feedbackLoop"]?["type"]);
        Assert.Null(reply["channelData"]?["feedbackLoopEnabled"]);
        Assert.InRange(reply["suggestedActions"]!["actions"]!.AsArray().Count, 1, 3);
    }

    public static TheoryData<string> BadTokens => ["bad signature", "wrong audience", "wrong issuer", "expired", "serviceUrl not vouched for", "no token", "not a jwt"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Post_BadToken_Returns401AndPostsNothing(string defect)
    {
        var token = defect switch
        {
            "bad signature" => _loopback.ChannelToken(key: _loopback.ForgedKey),
            "wrong audience" => _loopback.ChannelToken(audience: "11111111-2222-3333-4444-555555555555"),
            "wrong issuer" => _loopback.ChannelToken(issuer: "https://api.botframework.example"),
            // Past the 5 minutes of clock skew the SDK allows.
            "expired" => _loopback.ChannelToken(expires: DateTime.UtcNow.AddMinutes(-6)),
            "serviceUrl not vouched for" => _loopback.ChannelToken(serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "no token" => null,
            _ => "not-a-jwt",
        };
        var bad = BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?", id: "bad-1");

        using var response = await _client.SendAsync(BotActivities.Post(bad, token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertOnlyRepliesToAsync("good-1");
        Assert.DoesNotContain(_factory.Answering.Requests, r => r.Question.Contains("Palmyra?", StringComparison.Ordinal) && _factory.Answering.Requests.Count > 1);
    }

    [Fact]
    public async Task Post_KeyNotEndorsedForChannel_Returns401()
    {
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, "Hello");
        activity["channelId"] = "slack";

        using var response = await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_EmulatorEntraToken_AcceptedForLoopbackServiceUrlOnly()
    {
        var local = BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?");
        local["channelId"] = "emulator";
        var remote = local.DeepClone().AsObject();
        remote["serviceUrl"] = "https://example.org/connector/";

        using var accepted = await _client.SendAsync(BotActivities.Post(local, _loopback.EntraToken()));
        using var rejected = await _client.SendAsync(BotActivities.Post(remote, _loopback.EntraToken()));
        using var foreignApp = await _client.SendAsync(BotActivities.Post(local, _loopback.EntraToken(azp: "99999999-8888-7777-6666-555555555555")));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreignApp.StatusCode);
        var reply = (await _loopback.WaitForPostedAsync(2))[^1].Body;
        // Outside Teams: plain text with the sources listed under the answer.
        Assert.Equal("plain", (string?)reply["textFormat"]);
        Assert.Contains("Sources:\n[1] The New Arab", (string)reply["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        using var response = await _client.SendAsync(BotActivities.Post("{\"type\": \"message\", ", _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoActivityType_Returns400()
    {
        using var response = await _client.SendAsync(BotActivities.Post("{\"text\": \"hi\"}", _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, new string('x', 70_000));

        using var response = await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndDoesNothing()
    {
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, "ignored", id: "odd-1");
        activity["type"] = "messageReaction";

        using var response = await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertOnlyRepliesToAsync("good-1");
    }

    [Fact]
    public async Task Post_GroupChatMention_QuestionArrivesWithoutMention()
    {
        var entities = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "28:" + BotFrameworkLoopback.AppId, ["name"] = "ChatBot" },
            ["text"] = "<at>ChatBot</at>",
        });
        var activity = BotActivities.TeamsMessage(_loopback.ServiceUrl, "<at>ChatBot</at> How close did IS get to Palmyra?", conversationId: "19:group@thread.v2", conversationType: "groupChat", entities: entities);

        using var response = await _client.SendAsync(BotActivities.Post(activity, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _loopback.WaitForPostedAsync(2);
        Assert.Equal("How close did IS get to Palmyra?", Assert.Single(_factory.Answering.Requests).Question);
    }

    [Fact]
    public async Task Post_FollowUpInSameConversation_GetsEarlierTurns()
    {
        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "What did IS seize near Palmyra?", id: "q1"), _loopback.ChannelToken()));
        await _loopback.WaitForPostedAsync(2);
        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did they get?", id: "q2"), _loopback.ChannelToken()));
        await _loopback.WaitForPostedAsync(4);

        var second = _factory.Answering.Requests.Last();
        Assert.Equal("How close did they get?", second.Question);
        Assert.Equal(["What did IS seize near Palmyra?"], second.Turns);
    }

    [Fact]
    public async Task Post_FeedbackInvokeWithoutReplyToId_RatesTheConversationsLatestAnswer()
    {
        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), _loopback.ChannelToken()));
        var replyId = (await _loopback.WaitForPostedAsync(2))[^1].AssignedId;
        var ledger = _factory.Services.GetRequiredService<IReplyLedger>();
        for (var waited = 0; ledger.Find("a:1personal-chat", replyId) is null && waited < 5000; waited += 20)
        {
            await Task.Delay(20);
        }

        // As the Agents Playground sends it: no replyToId.
        var invoke = BotActivities.TeamsMessage(_loopback.ServiceUrl, string.Empty, id: "invoke-2");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "{\"feedbackText\":\"clear\"}" },
        };

        using var response = await _client.SendAsync(BotActivities.Post(invoke, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(_factory.Feedback.Records);
        Assert.True(record.Helpful);
        Assert.Equal("How close did IS get to Palmyra?", record.Question);
        Assert.Contains("within four kilometres", record.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FeedbackInvoke_StoresFeedbackWithTheAnswerAndReturns200Empty()
    {
        await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), _loopback.ChannelToken()));
        var replyId = (await _loopback.WaitForPostedAsync(2))[^1].AssignedId;
        // The handler records the reply just after the Connector acknowledges it; a person never clicks that fast.
        var ledger = _factory.Services.GetRequiredService<IReplyLedger>();
        for (var waited = 0; ledger.Find("a:1personal-chat", replyId) is null && waited < 5000; waited += 20)
        {
            await Task.Delay(20);
        }

        var invoke = BotActivities.TeamsMessage(_loopback.ServiceUrl, string.Empty, id: "invoke-1");
        invoke["type"] = "invoke";
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = replyId;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"The Amaq figure is presented too strongly\"}" },
        };

        using var response = await _client.SendAsync(BotActivities.Post(invoke, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var record = Assert.Single(_factory.Feedback.Records);
        Assert.False(record.Helpful);
        Assert.Equal("msteams", record.Channel);
        Assert.Equal("How close did IS get to Palmyra?", record.Question);
        Assert.Contains("within four kilometres", record.Answer, StringComparison.Ordinal);
        Assert.Equal(3, record.Citations.Count);
        Assert.Equal("3f9a1c0b7d2e", record.PromptVersion);
        Assert.Equal("The Amaq figure is presented too strongly", record.Comment);
    }

    [Fact]
    public async Task Post_UnknownInvoke_Returns501()
    {
        var invoke = BotActivities.TeamsMessage(_loopback.ServiceUrl, string.Empty);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";

        using var response = await _client.SendAsync(BotActivities.Post(invoke, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_BotAddedToTeam_PostsWelcome()
    {
        var update = BotActivities.TeamsMessage(_loopback.ServiceUrl, string.Empty, id: "update-1", conversationId: "19:general@thread.tacv2", conversationType: "channel");
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:" + BotFrameworkLoopback.AppId });

        using var response = await _client.SendAsync(BotActivities.Post(update, _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await _loopback.WaitForPostedAsync(1)).Body;
        Assert.Contains("mention me", (string)welcome["text"]!, StringComparison.Ordinal);
    }

    /// <summary>Sends a good message and waits for its typing and answer: nothing else may have been posted by then.</summary>
    private async Task AssertOnlyRepliesToAsync(string goodId)
    {
        using var good = await _client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "What did UPI report?", id: goodId), _loopback.ChannelToken()));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var posted = await _loopback.WaitForPostedAsync(2);
        Assert.All(posted, p => Assert.Equal(goodId, p.ReplyToId));
        Assert.Equal(2, posted.Count);
    }
}
