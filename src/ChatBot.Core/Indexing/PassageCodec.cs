using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>How a passage's sentences and claims are stored: sentences as "INDEX:START:LENGTH" triples, claims as JSON.</summary>
internal static class PassageCodec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Context ranges as "start:length;start:length", or null when there are none.</summary>
    public static string? EncodeContext(IReadOnlyList<TextRange> ranges) =>
        ranges.Count == 0 ? null : string.Join(';', ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Start}:{r.Length}")));

    /// <summary>The context ranges and their text, read back against the article text.</summary>
    public static (IReadOnlyList<TextRange> Ranges, string? Text) DecodeContext(string? encoded, string articleText)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return ([], null);
        }

        var ranges = encoded.Split(';').Select(part =>
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            return new TextRange(int.Parse(part.AsSpan(0, colon), CultureInfo.InvariantCulture), int.Parse(part.AsSpan(colon + 1), CultureInfo.InvariantCulture));
        }).ToArray();
        return (ranges, string.Join(' ', ranges.Select(r => r.Of(articleText).Trim())));
    }

    public static string EncodeSentences(IReadOnlyList<Sentence> sentences)
    {
        var sb = new StringBuilder(sentences.Count * 12);
        foreach (var s in sentences)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $"{s.Index}:{s.Start}:{s.Text.Length}");
        }

        return sb.ToString();
    }

    public static IReadOnlyList<Sentence> DecodeSentences(string encoded, string articleText)
    {
        if (encoded.Length == 0)
        {
            return [];
        }

        var result = new List<Sentence>();
        foreach (var part in encoded.Split(','))
        {
            var fields = part.Split(':');
            var start = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var length = int.Parse(fields[2], CultureInfo.InvariantCulture);
            result.Add(new Sentence
            {
                Index = int.Parse(fields[0], CultureInfo.InvariantCulture),
                Start = start,
                Text = articleText.Substring(start, length),
            });
        }

        return result;
    }

    /// <summary>The claims of one passage as JSON, or null when every claim is plain (the outlet's voice, nothing found).</summary>
    public static string? EncodeClaims(IReadOnlyList<Claim> claims)
    {
        var plain = true;
        foreach (var c in claims)
        {
            if (c.Source is not null || c.Hedges.Count > 0 || c.Figures.Count > 0 || c.RefersTo is not null || c.LoadedTerms.Count > 0)
            {
                plain = false;
                break;
            }
        }

        return plain ? null : JsonSerializer.Serialize(claims, Json);
    }

    /// <summary>One claim per sentence, in sentence order: stored ones where there are, plain ones elsewhere.</summary>
    public static IReadOnlyList<Claim> DecodeClaims(string? json, IReadOnlyList<Sentence> sentences)
    {
        var stored = json is null ? null : JsonSerializer.Deserialize<List<Claim>>(json, Json);
        var bySentence = stored?.ToDictionary(c => c.SentenceIndex) ?? [];
        var result = new Claim[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            result[i] = bySentence.GetValueOrDefault(sentences[i].Index) ?? new Claim { SentenceIndex = sentences[i].Index };
        }

        return result;
    }
}
