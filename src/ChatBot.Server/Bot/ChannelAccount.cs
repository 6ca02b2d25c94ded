using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>A user or bot on a channel.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
