using System.Buffers;
using System.Globalization;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Indexing;

/// <summary>How a passage's sentences and claims are stored: sentences as "INDEX:START:LENGTH" triples, claims in a compact binary form (<see cref="EncodeClaims"/>).</summary>
internal static class PassageCodec
{
    /// <summary>Context ranges as "start:length;start:length", or null when there are none.</summary>
    public static string? EncodeContext(IReadOnlyList<TextRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return null;
        }

        var numbers = new NumberList(stackalloc char[64]);
        foreach (var r in ranges)
        {
            numbers.Separate(';');
            numbers.Append(r.Start, ':');
            numbers.Append(r.Length);
        }

        return numbers.ToStringAndDispose();
    }

    /// <summary>The context ranges and their text, read back against the article text.</summary>
    public static (IReadOnlyList<TextRange> Ranges, string? Text) DecodeContext(string? encoded, string articleText)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return ([], null);
        }

        // Parsed from spans, not split into strings: this runs for every retrieved passage with a context.
        var ranges = new TextRange[encoded.AsSpan().Count(';') + 1];
        var parts = new string[ranges.Length];
        var rest = encoded.AsSpan();
        for (var i = 0; i < ranges.Length; i++)
        {
            var part = NextField(ref rest, ';');
            var colon = part.IndexOf(':');
            ranges[i] = new TextRange(int.Parse(part[..colon], CultureInfo.InvariantCulture), int.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture));
            parts[i] = articleText.AsSpan(ranges[i].Start, ranges[i].Length).Trim().ToString();
        }

        return (ranges, string.Join(' ', parts));
    }

    public static string EncodeSentences(IReadOnlyList<Sentence> sentences)
    {
        var numbers = new NumberList(stackalloc char[256]);
        foreach (var s in sentences)
        {
            numbers.Separate(',');
            numbers.Append(s.Index, ':');
            numbers.Append(s.Start, ':');
            numbers.Append(s.Text.Length);
        }

        return numbers.ToStringAndDispose();
    }

    public static IReadOnlyList<Sentence> DecodeSentences(string encoded, string articleText)
    {
        if (encoded.Length == 0)
        {
            return [];
        }

        // Parsed from spans, not split into strings (an array and four strings a sentence): this runs for every
        // retrieved passage.
        var result = new Sentence[encoded.AsSpan().Count(',') + 1];
        var rest = encoded.AsSpan();
        for (var i = 0; i < result.Length; i++)
        {
            var part = NextField(ref rest, ',');
            var index = int.Parse(NextField(ref part, ':'), CultureInfo.InvariantCulture);
            var start = int.Parse(NextField(ref part, ':'), CultureInfo.InvariantCulture);
            var length = int.Parse(NextField(ref part, ':'), CultureInfo.InvariantCulture);
            result[i] = new Sentence
            {
                Index = index,
                Start = start,
                Text = articleText.Substring(start, length),
            };
        }

        return result;
    }

    // The text up to the next separator (or the end), and the rest past it.
    private static ReadOnlySpan<char> NextField(ref ReadOnlySpan<char> rest, char separator)
    {
        var at = rest.IndexOf(separator);
        if (at < 0)
        {
            var last = rest;
            rest = default;
            return last;
        }

        var field = rest[..at];
        rest = rest[(at + 1)..];
        return field;
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
    public static Claim[] DecodeClaims(byte[]? encoded, IReadOnlyList<Sentence> sentences)
    {
        var result = new Claim[sentences.Count];
        if (encoded is not null)
        {
            // Only these sentences' claims are built (BinaryClaims.Decode steps over the rest).
            var indexes = sentences.Count <= 128 ? stackalloc int[sentences.Count] : new int[sentences.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = sentences[i].Index;
            }

            BinaryClaims.Decode(encoded, indexes, result);
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] ??= new Claim { SentenceIndex = sentences[i].Index };
        }

        return result;
    }

    // Builds the short lists of numbers above straight into a stack buffer: they are encoded once per passage at build
    // time, and an interpolated string per number cost more than the rest of the passage's bookkeeping.
    private ref struct NumberList(Span<char> initial)
    {
        private Span<char> _chars = initial;
        private char[]? _rented;
        private int _length;

        public void Separate(char separator)
        {
            if (_length > 0)
            {
                Put(separator);
            }
        }

        public void Append(int number, char? then = null)
        {
            int written;
            while (!number.TryFormat(_chars[_length..], out written, default, CultureInfo.InvariantCulture))
            {
                Grow();
            }

            _length += written;
            if (then is { } c)
            {
                Put(c);
            }
        }

        public string ToStringAndDispose()
        {
            var result = new string(_chars[.._length]);
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
            }

            return result;
        }

        private void Put(char c)
        {
            if (_length == _chars.Length)
            {
                Grow();
            }

            _chars[_length++] = c;
        }

        private void Grow()
        {
            var bigger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars[.._length].CopyTo(bigger);
            if (_rented is not null)
            {
                ArrayPool<char>.Shared.Return(_rented);
            }

            _chars = _rented = bigger;
        }
    }
}
