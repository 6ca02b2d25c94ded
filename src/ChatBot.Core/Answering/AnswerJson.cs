using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Answering;

/// <summary>
/// The one JSON shape of an answer (design.md "Answer JSON"), shared by `ask --json`, POST /api/ask and eval:
/// camelCase names, enums as lower-case kebab strings ("armed-group-media"), dates as yyyy-MM-dd, nulls kept.
/// </summary>
public static class AnswerJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static string Serialize(Answer answer, bool indented = true) =>
        JsonSerializer.Serialize(answer, indented ? Options : Compact);

    /// <summary>Applies the contract's settings to options a host owns (ASP.NET Core's HTTP JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Quotes hold typographic quotes, Arabic and the like: keep them readable rather than \u-escaped.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
