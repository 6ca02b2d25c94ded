using System.Buffers;
using System.Globalization;
using System.Text;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The tokens a passage holds more than once, stored beside it as "token count token count": with the passage length
/// that is all BM25 needs beyond the postings, and it is a few bytes per passage (most tokens occur once).
/// </summary>
internal static class RepeatedTokens
{
    /// <summary>The repeated tokens of an analysed text (tokens joined by single spaces), or null when none repeats.</summary>
    /// <remarks>Runs once per passage at build time: sorts the tokens' ranges in place, allocating nothing for a
    /// passage without repeats.</remarks>
    public static string? Encode(string indexText)
    {
        ArgumentNullException.ThrowIfNull(indexText);
        var count = 0;
        var rented = ArrayPool<Range>.Shared.Rent((indexText.Length / 2) + 1);
        try
        {
            foreach (var range in indexText.AsSpan().Split(' '))
            {
                if (range.End.Value > range.Start.Value)
                {
                    rented[count++] = range;
                }
            }

            var ranges = rented.AsSpan(0, count);
            ranges.Sort((a, b) => indexText.AsSpan(a.Start.Value, a.End.Value - a.Start.Value)
                .SequenceCompareTo(indexText.AsSpan(b.Start.Value, b.End.Value - b.Start.Value)));
            StringBuilder? sb = null;
            var i = 0;
            while (i < ranges.Length)
            {
                var token = indexText.AsSpan(ranges[i].Start.Value, ranges[i].End.Value - ranges[i].Start.Value);
                var j = i + 1;
                while (j < ranges.Length && token.SequenceEqual(indexText.AsSpan(ranges[j].Start.Value, ranges[j].End.Value - ranges[j].Start.Value)))
                {
                    j++;
                }

                if (j - i > 1)
                {
                    sb ??= new StringBuilder();
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(token).Append(' ').Append((j - i).ToString(CultureInfo.InvariantCulture));
                }

                i = j;
            }

            return sb?.ToString();
        }
        finally
        {
            ArrayPool<Range>.Shared.Return(rented);
        }
    }

    /// <summary>How often <paramref name="token"/> occurs according to <paramref name="encoded"/>: 1 when not listed.</summary>
    public static int Count(string? encoded, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (encoded is null)
        {
            return 1;
        }

        var span = encoded.AsSpan();
        while (!span.IsEmpty)
        {
            var space = span.IndexOf(' ');
            if (space < 0)
            {
                return 1;
            }

            var name = span[..space];
            span = span[(space + 1)..];
            var next = span.IndexOf(' ');
            var number = next < 0 ? span : span[..next];
            if (name.SequenceEqual(token))
            {
                return int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            span = next < 0 ? [] : span[(next + 1)..];
        }

        return 1;
    }
}
