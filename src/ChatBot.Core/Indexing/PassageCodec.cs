using System.Globalization;
using System.Text;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>How a passage's sentences and claims are stored: sentences as "INDEX:START:LENGTH" triples, claims in a compact binary form (<see cref="EncodeClaims"/>).</summary>
internal static class PassageCodec
{
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

    /// <summary>
    /// The claims (of a passage or a whole article) that say more than a plain claim (the outlet's voice, nothing found),
    /// in <see cref="BinaryClaims"/> form; null when every claim is plain.
    /// </summary>
    public static byte[]? EncodeClaims(IReadOnlyList<Claim> claims)
    {
        List<Claim>? stored = null;
        foreach (var c in claims)
        {
            if (c.Source is null && c.OtherSources.Count == 0 && c.Hedges.Count == 0 && c.Figures.Count == 0 && c.RefersTo is null && c.LoadedTerms.Count == 0)
            {
                continue;
            }

            (stored ??= []).Add(c);
        }

        return stored is null ? null : BinaryClaims.Encode(stored);
    }

    /// <summary>
    /// One claim per sentence of <paramref name="sentences"/>, in their order: stored ones where there are, plain ones
    /// elsewhere; stored claims of other sentences are ignored.
    /// </summary>
    public static IReadOnlyList<Claim> DecodeClaims(byte[]? encoded, IReadOnlyList<Sentence> sentences)
    {
        var bySentence = new Dictionary<int, Claim>();
        foreach (var c in encoded is null ? [] : BinaryClaims.Decode(encoded))
        {
            bySentence.TryAdd(c.SentenceIndex, c);
        }

        var result = new Claim[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            result[i] = bySentence.GetValueOrDefault(sentences[i].Index) ?? new Claim { SentenceIndex = sentences[i].Index };
        }

        return result;
    }
}
