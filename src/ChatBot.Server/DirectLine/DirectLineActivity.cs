using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// A Bot Framework activity as Direct Line carries it (camelCase, nulls omitted on the wire). Members this server does
/// not read are kept in <see cref="Extra"/>, so an echoed user activity comes back as the client sent it.
/// </summary>
public sealed record DirectLineActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    public string? ReplyToId { get; init; }

    public string? Name { get; init; }

    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    public IReadOnlyList<JsonObject>? Entities { get; init; }

    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>Web Chat's <c>channelData.clientActivityID</c>, which it waits to see echoed with a server id.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>Wire settings: camelCase, nulls omitted (as the Bot Framework SDK writes activities).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>ChannelAccount: <c>{ id, name, role }</c>.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);

/// <summary>ConversationAccount: <c>{ id }</c>.</summary>
public sealed record ConversationAccount(string Id);

/// <summary>An attachment: <c>{ contentType, content, name }</c>.</summary>
public sealed record ActivityAttachment(string ContentType, JsonNode? Content = null, string? Name = null);

/// <summary>Chips under a message: <c>{ actions: [CardAction] }</c>.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>A CardAction: imBack sends <see cref="Value"/> as the user's text; messageBack sends <see cref="Text"/> and <see cref="Value"/>, showing <see cref="DisplayText"/>.</summary>
public sealed record CardAction(string Type, string Title, JsonNode? Value = null, string? Text = null, string? DisplayText = null);
