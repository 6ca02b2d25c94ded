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
/// arrives, and repeats are counted in a small hash table. Reused across the passages of an article (<see cref="Clear"/>);
/// its buffers are pooled, so <see cref="Dispose"/> it. Passed by reference, never copied.
/// </remarks>
internal struct IndexTextBuilder : ITokenSink, IDisposable
{
    private char[] _chars;
    private int _length;
    private (int Start, int Length)[] _tokens;

    // Per token: its hash, so finding repeats compares texts only on equal hashes.
    private uint[] _hashes;

    // The open-addressing table Repeats counts in, kept across passages.
    private int[] _slots;
    private int[] _counts;

    public IndexTextBuilder()
    {
        _chars = ArrayPool<char>.Shared.Rent(1024);
        _tokens = ArrayPool<(int, int)>.Shared.Rent(128);
        _hashes = ArrayPool<uint>.Shared.Rent(128);
        _slots = ArrayPool<int>.Shared.Rent(256);
        _counts = ArrayPool<int>.Shared.Rent(256);
    }

    /// <summary>The number of tokens added since <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Add(scoped ReadOnlySpan<char> token, bool isAlias, string? text = null)
    {
        var needed = _length + token.Length + 1;
        if (needed > _chars.Length)
        {
            Grow(ref _chars, needed, _length);
        }

        if (Count == _tokens.Length)
        {
            Grow(ref _tokens, Count + 1, Count);
            Grow(ref _hashes, Count + 1, Count);
        }

        if (_length > 0)
        {
            _chars[_length++] = ' ';
        }

        // The word cache's hash (two 8-byte reads, not a multiply per character): collisions only cost an extra
        // comparison in Repeats.
        var hash = WordCache.Hash(token);

        token.CopyTo(_chars.AsSpan(_length));
        _tokens[Count] = (_length, token.Length);
        _hashes[Count] = hash;
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
    /// <remarks>
    /// Counts in an open-addressing table of token indexes (linear in the tokens) and sorts only the few repeated ones;
    /// it replaced sorting every token's hash, a list of repeats, a comparison delegate and a StringBuilder per passage.
    /// </remarks>
    public string? Repeats()
    {
        if (Count < 2)
        {
            return null;
        }

        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Count * 2);
        if (_slots.Length < size)
        {
            ArrayPool<int>.Shared.Return(_slots);
            ArrayPool<int>.Shared.Return(_counts);
            _slots = ArrayPool<int>.Shared.Rent(size);
            _counts = ArrayPool<int>.Shared.Rent(size);
        }

        // Per slot: 1 + the index of the slot's token's first occurrence (0 when empty), and how often it occurred.
        var slots = _slots.AsSpan(0, size);
        var counts = _counts;
        slots.Clear();
        var mask = size - 1;

        // The tokens seen a second time, as their first occurrence's index; at most half the tokens.
        var repeated = ArrayPool<int>.Shared.Rent((Count / 2) + 1);
        var n = 0;
        try
        {
            for (var k = 0; k < Count; k++)
            {
                var hash = _hashes[k];
                var token = _chars.AsSpan(_tokens[k].Start, _tokens[k].Length);
                var at = (int)hash & mask;
                while (true)
                {
                    var first = slots[at] - 1;
                    if (first < 0)
                    {
                        slots[at] = k + 1;
                        counts[at] = 1;
                        break;
                    }

                    if (_hashes[first] == hash && token.SequenceEqual(_chars.AsSpan(_tokens[first].Start, _tokens[first].Length)))
                    {
                        if (++counts[at] == 2)
                        {
                            repeated[n++] = at;
                        }

                        break;
                    }

                    at = (at + 1) & mask;
                }
            }

            return n == 0 ? null : FormatRepeats(repeated.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(repeated);
        }
    }

    public void Dispose()
    {
        if (_chars is not null)
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<(int, int)>.Shared.Return(_tokens);
            ArrayPool<uint>.Shared.Return(_hashes);
            ArrayPool<int>.Shared.Return(_slots);
            ArrayPool<int>.Shared.Return(_counts);
            _chars = null!;
        }
    }

    // The repeated tokens (their slots in the table), ordered by text (ordinal), as "token count token count".
    private readonly string FormatRepeats(Span<int> repeatedSlots)
    {
        // Insertion sort by text: a passage repeats a handful of tokens.
        for (var r = 1; r < repeatedSlots.Length; r++)
        {
            var slot = repeatedSlots[r];
            var j = r;
            while (j > 0 && Compare(_slots[repeatedSlots[j - 1]] - 1, _slots[slot] - 1) > 0)
            {
                repeatedSlots[j] = repeatedSlots[j - 1];
                j--;
            }

            repeatedSlots[j] = slot;
        }

        // Each repeated token is distinct, so their texts fit in the joined text; a count takes at most 10 digits.
        var text = ArrayPool<char>.Shared.Rent(_length + (repeatedSlots.Length * 12));
        try
        {
            var written = 0;
            foreach (var slot in repeatedSlots)
            {
                if (written > 0)
                {
                    text[written++] = ' ';
                }

                var (start, length) = _tokens[_slots[slot] - 1];
                _chars.AsSpan(start, length).CopyTo(text.AsSpan(written));
                written += length;
                text[written++] = ' ';
                _counts[slot].TryFormat(text.AsSpan(written), out var digits, default, CultureInfo.InvariantCulture);
                written += digits;
            }

            return new string(text, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    private readonly int Compare(int a, int b) =>
        _chars.AsSpan(_tokens[a].Start, _tokens[a].Length).SequenceCompareTo(_chars.AsSpan(_tokens[b].Start, _tokens[b].Length));

    private static void Grow<T>(ref T[] array, int needed, int used)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        array = bigger;
    }
}
