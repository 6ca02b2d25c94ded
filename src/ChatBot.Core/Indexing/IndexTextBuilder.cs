using System.Buffers;
using System.Globalization;
using System.Text;
using ChatBot.Core.Analysis;

namespace ChatBot.Core.Indexing;

/// <summary>
/// Collects a passage's analysed tokens as the analysis chain emits them and gives, from that one pass, everything the
/// index stores about them: the text FTS5 indexes (tokens joined by single spaces, as UTF-8), the token count and the
/// repeated tokens (<see cref="RepeatedTokens"/>'s format).
/// </summary>
/// <remarks>
/// It replaced building the joined string per text, joining passage and context, then re-scanning the result to
/// count its spaces and sorting its tokens by comparing spans: now each token is copied once and hashed as it
/// arrives, and repeats are found by sorting integers. Reused across the passages of an article (<see cref="Clear"/>);
/// its buffers are pooled, so <see cref="Dispose"/> it. Passed by reference, never copied.
/// </remarks>
internal struct IndexTextBuilder : ITokenSink, IDisposable
{
    private char[] _chars;
    private int _length;
    private (int Start, int Length)[] _tokens;

    // Per token: its hash in the high half, its index in the low half. Sorting these brings equal tokens together.
    private ulong[] _keys;

    public IndexTextBuilder()
    {
        _chars = ArrayPool<char>.Shared.Rent(1024);
        _tokens = ArrayPool<(int, int)>.Shared.Rent(128);
        _keys = ArrayPool<ulong>.Shared.Rent(128);
    }

    /// <summary>The number of tokens added since <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> token, bool isAlias)
    {
        var needed = _length + token.Length + 1;
        if (needed > _chars.Length)
        {
            Grow(ref _chars, needed, _length);
        }

        if (Count == _tokens.Length)
        {
            Grow(ref _tokens, Count + 1, Count);
            Grow(ref _keys, Count + 1, Count);
        }

        if (_length > 0)
        {
            _chars[_length++] = ' ';
        }

        // FNV-1a: cheap, and collisions only cost an extra comparison below.
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        token.CopyTo(_chars.AsSpan(_length));
        _tokens[Count] = (_length, token.Length);
        _keys[Count] = ((ulong)hash << 32) | (uint)Count;
        _length += token.Length;
        Count++;
    }

    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    /// <summary>The joined tokens, as the UTF-8 SQLite binds without converting.</summary>
    public readonly byte[] ToUtf8() => Encoding.UTF8.GetBytes(_chars, 0, _length);

    /// <summary>The joined tokens as a string (for tests and logs; the index binds <see cref="ToUtf8"/>).</summary>
    public override readonly string ToString() => new(_chars, 0, _length);

    /// <summary>The repeated tokens as "token count token count" in ordinal order of the tokens, or null when none repeats.</summary>
    public readonly string? Repeats()
    {
        var keys = _keys.AsSpan(0, Count);
        keys.Sort();
        List<(int Start, int Length, int Count)>? repeated = null;
        var i = 0;
        while (i < keys.Length)
        {
            var hash = keys[i] >> 32;
            var j = i + 1;
            while (j < keys.Length && keys[j] >> 32 == hash)
            {
                j++;
            }

            if (j - i > 1)
            {
                FindRepeats(keys[i..j], ref repeated);
            }

            i = j;
        }

        if (repeated is null)
        {
            return null;
        }

        var chars = _chars;
        repeated.Sort((a, b) => chars.AsSpan(a.Start, a.Length).SequenceCompareTo(chars.AsSpan(b.Start, b.Length)));
        var sb = new StringBuilder();
        foreach (var (start, length, count) in repeated)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(chars, start, length).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        if (_chars is not null)
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<(int, int)>.Shared.Return(_tokens);
            ArrayPool<ulong>.Shared.Return(_keys);
            _chars = null!;
        }
    }

    // Tokens with one hash: almost always one token several times, but a collision may mix two, so group by text.
    private readonly void FindRepeats(Span<ulong> sameHash, ref List<(int Start, int Length, int Count)>? repeated)
    {
        for (var a = 0; a < sameHash.Length; a++)
        {
            if (sameHash[a] == ulong.MaxValue)
            {
                continue;
            }

            var (start, length) = _tokens[(int)(uint)sameHash[a]];
            var token = _chars.AsSpan(start, length);
            var count = 1;
            for (var b = a + 1; b < sameHash.Length; b++)
            {
                if (sameHash[b] != ulong.MaxValue)
                {
                    var (s, l) = _tokens[(int)(uint)sameHash[b]];
                    if (token.SequenceEqual(_chars.AsSpan(s, l)))
                    {
                        sameHash[b] = ulong.MaxValue;
                        count++;
                    }
                }
            }

            if (count > 1)
            {
                (repeated ??= []).Add((start, length, count));
            }
        }
    }

    private static void Grow<T>(ref T[] array, int needed, int used)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }
}
