using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>An activity entity: a <c>type</c> and free-form members (mention, clientInfo, the schema.org Message).</summary>
public sealed record Entity
{
    public required string Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }

    /// <summary>An entity of <paramref name="type"/> with the members of <paramref name="properties"/>.</summary>
    public static Entity Create(string type, JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new Entity
        {
            Type = type,
            Properties = properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, BotJson.Options), StringComparer.Ordinal),
        };
    }

    /// <summary>A string member, or null when absent or not a string.</summary>
    public string? GetString(params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Properties is null || path.Length == 0 || !Properties.TryGetValue(path[0], out var element))
        {
            return null;
        }

        foreach (var name in path.Skip(1))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
