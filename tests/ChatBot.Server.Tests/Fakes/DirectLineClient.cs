using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Server.Tests.Fakes;

/// <summary>Speaks the Direct Line 3.0 subset the way Web Chat's DirectLineJS does (token, start, post, poll by watermark).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    private string _watermark = "";

    public string ConversationId { get; private set; } = "";

    public string Token { get; private set; } = "";

    /// <summary>The WebSocket stream's URL from the start response.</summary>
    public Uri StreamUrl { get; private set; } = null!;

    public List<JsonObject> Seen { get; } = [];

    public async Task StartAsync(string? editorKey = null)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        if (editorKey is not null)
        {
            generate.Headers.Add("X-ChatBot-Editor-Key", editorKey);
        }

        using var tokenResponse = await http.SendAsync(generate);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        Token = token["token"]!.GetValue<string>();

        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { } }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var started = await http.SendAsync(start);
        Assert.Equal(System.Net.HttpStatusCode.Created, started.StatusCode);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        ConversationId = conversation["conversationId"]!.GetValue<string>();
        StreamUrl = new Uri(conversation["streamUrl"]!.GetValue<string>());
    }

    public async Task<string> PostAsync(object activity)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities") { Content = JsonContent.Create(activity) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(post);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public Task<string> AskAsync(string text, string clientActivityId) => PostAsync(new
    {
        type = "message",
        text,
        from = new { id = "dl_user1", name = "You", role = "user" },
        channelId = "webchat",
        locale = "en-GB",
        channelData = new { clientActivityID = clientActivityId },
    });

    public async Task<List<JsonObject>> PollOnceAsync()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(get);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        _watermark = set["watermark"]?.GetValue<string>() ?? _watermark;
        var activities = set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Seen.AddRange(activities);
        return activities;
    }

    /// <summary>Polls until an activity matches (the fake engine answers at once; the bound only stops a broken server hanging the run).</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (Seen.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            await PollOnceAsync();
            if (Seen.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("No matching activity arrived. Seen: " + string.Join("\n", Seen.Select(a => a.ToJsonString())));
    }

    public static bool IsBotMessage(JsonObject activity) =>
        activity["type"]?.GetValue<string>() == "message" && activity["from"]?["role"]?.GetValue<string>() == "bot";

    public static bool IsAnswer(JsonObject activity) =>
        IsBotMessage(activity) && activity["entities"] is JsonArray { Count: > 0 };

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
