using System.Globalization;

namespace ChatBot.Core.Indexing;

/// <summary>
/// The tokens a passage holds more than once, stored beside it as "token count token count": with the passage length
/// that is all BM25 needs beyond the postings, and it is a few bytes per passage (most tokens occur once).
/// </summary>
internal static class RepeatedTokens
{
    /// <summary>The repeated tokens of an analysed text (tokens joined by single spaces), or null when none repeats.</summary>
    /// <remarks>A build finds them while analysing (<see cref="IndexTextBuilder.Repeats"/>); this reads them from a
    /// text already joined.</remarks>
    public static string? Encode(string indexText)
    {
        ArgumentNullException.ThrowIfNull(indexText);
        var builder = new IndexTextBuilder();
        try
        {
            foreach (var range in indexText.AsSpan().Split(' '))
            {
                if (range.End.Value > range.Start.Value)
                {
                    builder.Add(indexText.AsSpan(range), isAlias: false);
                }
            }

            return builder.Repeats();
        }
        finally
        {
            builder.Dispose();
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
