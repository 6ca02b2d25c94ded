using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>A conversation: a personal chat, a group chat or a channel thread.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public bool? IsGroup { get; init; }

    /// <summary>Teams: personal, groupChat or channel.</summary>
    public string? ConversationType { get; init; }

    public string? Name { get; init; }

    public string? TenantId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
