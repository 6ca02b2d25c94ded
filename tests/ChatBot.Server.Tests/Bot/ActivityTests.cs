using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Server.Bot;

namespace ChatBot.Server.Tests.Bot;

public sealed class ActivityTests
{
    [Fact]
    public void Deserialize_UnknownMembers_ArePreservedWhenWrittenAgain()
    {
        const string json = """
            {"type":"message","id":"1","channelId":"msteams","text":"hi","importance":"high",
             "from":{"id":"29:u","name":"Alex","userPrincipalName":"alex@example.org"},
             "conversation":{"id":"c","conversationType":"personal","tenantId":"t"},
             "entities":[{"type":"clientInfo","locale":"en-US","platform":"Web"}],
             "channelData":{"tenant":{"id":"t"},"eventType":"x"}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.Equal("high", (string?)written["importance"]);
        Assert.Equal("alex@example.org", (string?)written["from"]!["userPrincipalName"]);
        Assert.Equal("Web", (string?)written["entities"]![0]!["platform"]);
        Assert.Equal("x", (string?)written["channelData"]!["eventType"]);
        Assert.Equal("personal", (string?)written["conversation"]!["conversationType"]);
    }

    [Fact]
    public void RemoveRecipientMention_ChannelMessage_LeavesOnlyTheQuestion()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "<at>News Bot</at>  who took Palmyra in March?",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                Entity.Create("mention", new JsonObject { ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "News Bot" }, ["text"] = "<at>News Bot</at>" }),
                Entity.Create("mention", new JsonObject { ["mentioned"] = new JsonObject { ["id"] = "29:someone" }, ["text"] = "<at>Alex</at>" }),
            ],
        };

        Assert.Equal("who took Palmyra in March?", activity.RemoveRecipientMention());
    }
}
