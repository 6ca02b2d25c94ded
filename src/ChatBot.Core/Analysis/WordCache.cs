using System.Runtime.InteropServices;

namespace ChatBot.Core.Analysis;

/// <summary>
/// One thread's memo of the word filters of the chain: per word as the tokenizer cut it (case kept), the term it
/// becomes after lowercasing, the stop-word and single-letter filters and the stemmer (null when dropped), and
/// whether it may start an alias variant. The vocabulary of news repeats heavily, so most tokens are one probe here
/// instead of an alias lookup, lowercasing, a stop-word lookup, stemming and a new string.
/// </summary>
/// <remarks>
/// Bounded: it stops taking words at <see cref="MaxWords"/> (the frequent words come early and stay). Not
/// thread-safe; <see cref="TextAnalyzer"/> keeps one per thread and per alias table.
/// </remarks>
internal sealed class WordCache(AliasTable aliases)
{
    // 32K words (fewer than 2^16, the slots' index half): the 10k peers' articles have 30K distinct words as cut, and
    // their 4K most frequent make 99 % of the tokens. At most ~3 MB a thread.
    private const int MaxWords = 1 << 15;

    // Open addressing over 4-byte slots (the high half of the word's hash, 1 + its entry's index; 0 when empty), so
    // the table a probe walks stays small (256 KB when full); the entries are in the order they came, frequent words
    // first, and only a slot whose hash half matches is compared with its entry's word.
    private uint[] _slots = new uint[512];
    private Entry[] _entries = new Entry[256];
    private int _count;

    /// <summary>The alias table the <see cref="Entry.MayStartAlias"/> flags were computed for.</summary>
    public AliasTable Aliases { get; } = aliases;

    /// <summary>False when the cache is full and takes no more words.</summary>
    public bool HasRoom => _count < MaxWords;

    /// <summary>A cheap hash of a word: its length and its first and last four characters.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        ulong h;
        if (word.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(word);
            var head = MemoryMarshal.Read<ulong>(bytes);
            var tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
            h = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)word.Length;
        }
        else
        {
            h = (ulong)word.Length;
            foreach (var c in word)
            {
                h = (h * 0x100000001B3UL) ^ c;
            }

            h *= 0x9E3779B97F4A7C15UL;
        }

        return (uint)(h >> 32) ^ (uint)h;
    }

    public bool TryGet(ReadOnlySpan<char> word, uint hash, out Entry entry)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var at = (int)hash & mask; ; at = (at + 1) & mask)
        {
            var slot = slots[at];
            if (slot == 0)
            {
                entry = default;
                return false;
            }

            if ((slot >> 16) == hash >> 16)
            {
                ref var candidate = ref _entries[(int)(slot & 0xFFFF) - 1];
                if (candidate.Hash == hash && word.SequenceEqual(candidate.Word))
                {
                    entry = candidate;
                    return true;
                }
            }
        }
    }

    /// <summary>Remembers a word not yet in the cache (call only when <see cref="HasRoom"/>).</summary>
    public void Add(ReadOnlySpan<char> word, uint hash, string? term, bool mayStartAlias)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
            var old = _slots;
            _slots = new uint[old.Length * 2];
            foreach (var slot in old)
            {
                if (slot != 0)
                {
                    Insert(slot);
                }
            }
        }

        _entries[_count] = new Entry(word.ToString(), hash, term, mayStartAlias);
        _count++;
        Insert((hash & 0xFFFF0000u) | (uint)_count);
    }

    private void Insert(uint slot)
    {
        var mask = _slots.Length - 1;
        var at = (int)_entries[(int)(slot & 0xFFFF) - 1].Hash & mask;
        while (_slots[at] != 0)
        {
            at = (at + 1) & mask;
        }

        _slots[at] = slot;
    }

    /// <param name="Word">The word as cut.</param>
    /// <param name="Hash">Its <see cref="WordCache.Hash"/>.</param>
    /// <param name="Term">What the word filters make of it; null when it is dropped.</param>
    /// <param name="MayStartAlias">True when an alias variant starts with this word, so the alias filter must look.</param>
    internal readonly record struct Entry(string Word, uint Hash, string? Term, bool MayStartAlias);
}
