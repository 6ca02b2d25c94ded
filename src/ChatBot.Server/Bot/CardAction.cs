using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>A button: <c>imBack</c> posts <see cref="Value"/> back as the user's message.</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public string? Value { get; init; }

    public string? Image { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }
}
