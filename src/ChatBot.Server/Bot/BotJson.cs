using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>The one serializer setting for the wire: camelCase, nulls omitted (as the Bot Framework SDK writes).</summary>
internal static class BotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
