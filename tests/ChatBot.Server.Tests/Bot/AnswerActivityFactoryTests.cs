using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Answering;
using ChatBot.Server.Bot;

namespace ChatBot.Server.Tests.Bot;

public sealed class AnswerActivityFactoryTests
{
    private static readonly Activity TeamsInbound = new()
    {
        Type = ActivityTypes.Message, Id = "in-1", ChannelId = "msteams", ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:user" }, Recipient = new ChannelAccount { Id = "28:bot" }, Conversation = new ConversationAccount { Id = "a:1" },
    };

    [Fact]
    public void Create_TwelveLongCitationsForTeams_KeepsTeamsLimitsAndListsTheRestInText()
    {
        var citations = Enumerable.Range(1, 12).Select(n => new Citation
        {
            N = n, ArticleId = $"a{n}", Outlet = "The New Arab", Published = new DateOnly(2016, 12, 9),
            Title = new string('T', 120), Quote = new string('q', 400), Source = "Syrian Observatory for Human Rights",
        }).ToList();
        var answer = FakeAnsweringService.Palmyra("q") with
        {
            Citations = citations,
            Parts = [new AnswerPart(AnswerPartKind.Summary, string.Concat(Enumerable.Range(1, 12).Select(n => $"Sentence [{n}]. ")))],
        };

        var reply = AnswerActivityFactory.Create(TeamsInbound, answer);

        var message = Assert.Single(reply.Entities!);
        var claims = message.Properties!["citation"].EnumerateArray().ToList();
        Assert.Equal(10, claims.Count);
        Assert.All(claims, c => Assert.InRange(c.GetProperty("appearance").GetProperty("name").GetString()!.Length, 1, 80));
        Assert.All(claims, c => Assert.InRange(c.GetProperty("appearance").GetProperty("abstract").GetString()!.Length, 1, 160));
        Assert.All(claims, c => Assert.All(c.GetProperty("appearance").GetProperty("keywords").EnumerateArray(), k => Assert.InRange(k.GetString()!.Length, 1, 28)));
        Assert.Contains("More sources: [11] The New Arab", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[12] The New Arab", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MarkupInReportingForTeams_IsEscapedNotRendered()
    {
        var answer = FakeAnsweringService.Palmyra("q") with
        {
            Parts = [new AnswerPart(AnswerPartKind.Summary, "A caption read <script>alert(1)</script> and [click](javascript:alert(1)) [1].")],
        };

        var reply = AnswerActivityFactory.Create(TeamsInbound, answer);

        Assert.DoesNotContain("<script>", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Emulator_PlainTextWithSourceListAndNoTeamsEntities()
    {
        var reply = AnswerActivityFactory.Create(TeamsInbound with { ChannelId = "emulator" }, FakeAnsweringService.Palmyra("q"));

        Assert.Equal("plain", reply.TextFormat);
        Assert.Null(reply.Entities);
        Assert.Null(reply.ChannelData);
        Assert.Contains("Where reports disagree:\n", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[2] EA WorldView", reply.Text, StringComparison.Ordinal);
        Assert.Contains("(citing Amaq)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("https://www.upi.com/example", reply.Text, StringComparison.Ordinal);
        Assert.Equal(4, reply.SuggestedActions!.Actions.Count);
    }

    [Fact]
    public void Create_RefusedAnswerForTeams_AiLabelWithoutCitations()
    {
        var refused = new Answer
        {
            Question = "Who won the 2018 World Cup?", StandaloneQuestion = "Who won the 2018 World Cup?", Mode = AnswerMode.Extractive,
            Refused = true, RefusalReason = "not in the reporting", PromptVersion = "abc",
            Text = "The reporting I hold does not say.",
        };

        var reply = AnswerActivityFactory.Create(TeamsInbound, refused);

        var message = Assert.Single(reply.Entities!);
        Assert.False(message.Properties!.ContainsKey("citation"));
        Assert.Equal("AIGeneratedContent", message.Properties["additionalType"][0].GetString());
        Assert.Equal("The reporting I hold does not say.", reply.Text);
        Assert.DoesNotMatch(new Regex(@"\[\d+\]"), reply.Text);
    }

    [Fact]
    public void Serialize_TeamsReply_OmitsNullsAndUsesCamelCase()
    {
        var json = JsonSerializer.Serialize(AnswerActivityFactory.Create(TeamsInbound, FakeAnsweringService.Palmyra("q")), BotJson.Options);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal("in-1", doc.RootElement.GetProperty("replyToId").GetString());
        Assert.Equal("https://schema.org/Message", doc.RootElement.GetProperty("entities")[0].GetProperty("type").GetString());
        Assert.False(doc.RootElement.TryGetProperty("attachments", out _));
        Assert.False(doc.RootElement.TryGetProperty("ReplyToId", out _));
    }
}
