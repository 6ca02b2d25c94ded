using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBot.Server.Tests.Bot;

/// <summary>Inbound activities as Teams and the Emulator send them.</summary>
internal static class BotActivities
{
    public static JsonObject TeamsMessage(string serviceUrl, string text, string id = "1700000000001", string conversationId = "a:1personal-chat", string conversationType = "personal", JsonArray? entities = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = "2026-11-21T10:15:00.1234567Z",
            ["localTimestamp"] = "2026-11-21T12:15:00.1234567+02:00",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["conversation"] = new JsonObject { ["conversationType"] = conversationType, ["tenantId"] = BotFrameworkLoopback.TenantId, ["id"] = conversationId, ["isGroup"] = conversationType != "personal" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotFrameworkLoopback.AppId, ["name"] = "ChatBot" },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotFrameworkLoopback.TenantId } },
        };
        if (entities is not null)
        {
            activity["entities"] = entities;
        }

        return activity;
    }

    public static HttpRequestMessage Post(JsonObject activity, string? token) => Post(activity.ToJsonString(), token);

    public static HttpRequestMessage Post(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
