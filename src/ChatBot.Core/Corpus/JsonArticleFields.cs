using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ChatBot.Core.Corpus;

/// <summary>
/// The fields and body of one article object, read straight from its UTF-8 bytes: the only reader of an article's
/// JSON, for a .jsonl line and for a .json file alike. Names ignore case; values are trimmed; the body is the first
/// property named body, text or content.
/// </summary>
/// <remarks>
/// Only for the ordinary object: plain UTF-8 (no BOM, no NUL), one well-formed JSON object. For anything else it answers
/// false and the caller decodes the bytes (a BOM, another encoding) and tries again, or words the warning.
/// </remarks>
internal static class JsonArticleFields
{
    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static bool TryRead(ReadOnlySpan<byte> line, int number, out Dictionary<string, (string Value, int Line)> fields, out string? body)
    {
        fields = null!;
        body = null;
        if (line.Length == 0 || line[0] is 0xEF or 0xFF or 0xFE || line.Contains((byte)0) || !Utf8.IsValid(line))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(line, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var found = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var value = Value(ref reader);
                if (name is "body" or "text" or "content")
                {
                    body ??= value;
                }
                else if (value is not null)
                {
                    found[name] = (value.Trim(), number);
                }
            }

            // The object must be the whole line, as JsonDocument requires.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                body = null;
                return false;
            }

            fields = found;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            body = null;
            return false;
        }
    }

    // A value as metadata: strings unescaped, numbers and booleans as written, an array as its strings joined by ", ",
    // anything else nothing.
    private static string? Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartArray:
                var items = new List<string?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        items.Add(reader.GetString());
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }

                return string.Join(", ", items);
            case JsonTokenType.StartObject:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }
}
