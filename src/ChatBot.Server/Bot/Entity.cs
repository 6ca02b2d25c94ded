using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>An activity entity: a <c>type</c> and free-form members (mention, clientInfo, the schema.org Message).</summary>
public sealed record Entity
{
    public required string Type { get; init; }

    [JsonExtensionData]
    public JsonObject? Properties { get; init; }
}
