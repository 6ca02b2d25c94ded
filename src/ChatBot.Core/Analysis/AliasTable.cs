using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ChatBot.Core.Analysis;

/// <summary>
/// The alias filter's table: every spelling variant of corpus/aliases.yaml, cut into tokens by the same tokenizer as
/// the text, keyed by its first word. Matching takes the longest variant first. A variant written entirely in
/// capitals ("IS", "SAA", "SOHR") matches only when written in capitals, and not inside all-capitals shouting
/// ("WHAT IS HAPPENING"), so "is" the verb never becomes the group.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AliasTable
{
    private readonly Dictionary<string, Variant[]> _byFirstWord;
    private readonly Dictionary<string, Variant[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, AliasEntry> _byToken;

    // Per lowercase ASCII character, bit n set when some variant's first word starts with it and is n letters long:
    // most words of a text start no variant, and this turns them away before lowercasing and hashing them.
    private readonly ulong[] _firstWordShapes = new ulong[128];

    public AliasTable(IEnumerable<AliasEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var byFirst = new Dictionary<string, List<Variant>>(StringComparer.Ordinal);
        var byToken = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);
        var list = new List<AliasEntry>();
        foreach (var entry in entries)
        {
            if (entry.Token.Length == 0)
            {
                continue;
            }

            if (!byToken.TryAdd(entry.Token, entry))
            {
                var other = byToken[entry.Token];
                if (!ReferenceEquals(other, entry))
                {
                    throw new ArgumentException($"Aliases \"{other.Name}\" and \"{entry.Name}\" reduce to the same token \"{entry.Token}\".", nameof(entries));
                }
            }

            list.Add(entry);
            foreach (var spelling in entry.Variants.Prepend(entry.Name))
            {
                var words = Words(spelling);
                if (words.Length == 0)
                {
                    continue;
                }

                var caseSensitive = IsAllCaps(spelling);
                var variant = new Variant(words, caseSensitive, entry.Token);
                var key = words[0].ToLowerInvariant();
                if (!byFirst.TryGetValue(key, out var bucket))
                {
                    byFirst[key] = bucket = [];
                }

                if (!bucket.Exists(v => v.CaseSensitive == caseSensitive && v.Words.AsSpan().SequenceEqual(words, StringComparer.OrdinalIgnoreCase)))
                {
                    bucket.Add(variant);
                }
            }
        }

        _byFirstWord = byFirst.ToDictionary(
            p => p.Key,
            p => p.Value.OrderByDescending(v => v.Words.Length).ThenByDescending(v => v.CaseSensitive).ToArray(),
            StringComparer.Ordinal);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in _byFirstWord.Keys)
        {
            if (key[0] < 128)
            {
                _firstWordShapes[key[0]] |= 1UL << Math.Min(key.Length, 63);
            }
        }

        _byToken = byToken.ToFrozenDictionary(StringComparer.Ordinal);
        Entries = list;
    }

    /// <summary>A table with no aliases.</summary>
    public static AliasTable Empty { get; } = new([]);

    public IReadOnlyList<AliasEntry> Entries { get; }

    /// <summary>True when <paramref name="token"/> is an entry's index token (an entity the question names).</summary>
    public bool IsAliasToken(string token) => _byToken.ContainsKey(token);

    /// <summary>The entry whose index token is <paramref name="token"/>, e.g. to show "Deir ez-Zor" for "deirezzor".</summary>
    public AliasEntry? FindByToken(string token) => _byToken.GetValueOrDefault(token);

    /// <summary>
    /// The longest variant starting at token <paramref name="at"/>: how many tokens it spans (0 when none) and the
    /// entry's index token.
    /// </summary>
    internal int Match(ReadOnlySpan<char> buffer, ReadOnlySpan<RawToken> tokens, int at, Span<char> scratch, out string? token)
    {
        token = null;
        var first = tokens[at];
        if (!TryFirstWord(buffer.Slice(first.Start, first.Length), scratch, out var variants))
        {
            return 0;
        }

        foreach (var variant in variants)
        {
            var words = variant.Words;
            if (at + words.Length > tokens.Length)
            {
                continue;
            }

            var matched = true;
            for (var k = 0; k < words.Length && matched; k++)
            {
                var t = tokens[at + k];
                var text = buffer.Slice(t.Start, t.Length);
                matched = variant.CaseSensitive
                    ? text.SequenceEqual(words[k])
                    : text.Equals(words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (!matched)
            {
                continue;
            }

            if (variant.CaseSensitive && words.Length == 1 && IsShouting(buffer, tokens, at))
            {
                continue;
            }

            token = variant.Token;
            return words.Length;
        }

        return 0;
    }

    /// <summary>
    /// True when some variant starts with <paramref name="word"/> (as cut, case kept): only then can <see cref="Match"/>
    /// find one there, whatever the words around it.
    /// </summary>
    internal bool MayStart(ReadOnlySpan<char> word, Span<char> scratch) => TryFirstWord(word, scratch, out _);

    private bool TryFirstWord(ReadOnlySpan<char> firstText, Span<char> scratch, [NotNullWhen(true)] out Variant[]? variants)
    {
        variants = null;
        if (_byFirstWord.Count == 0 || firstText.Length > scratch.Length)
        {
            return false;
        }

        // An ASCII letter lowercases to an ASCII letter, so the shape test is exact for words that start with one.
        var c = firstText[0];
        if (c < 128 && (_firstWordShapes[(uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c] & (1UL << Math.Min(firstText.Length, 63))) == 0)
        {
            return false;
        }

        var lower = scratch[..firstText.Length];
        firstText.ToLowerInvariant(lower);
        return _lookup.TryGetValue(lower, out variants);
    }

    // "WHAT IS HAPPENING": a capitals-only variant between two words in capitals is shouting, not the acronym.
    private static bool IsShouting(ReadOnlySpan<char> buffer, ReadOnlySpan<RawToken> tokens, int at)
    {
        static bool Loud(ReadOnlySpan<char> buffer, RawToken t) => t.AllCaps && t.Length >= 2 && !char.IsDigit(buffer[t.Start]);

        var before = at > 0 && Loud(buffer, tokens[at - 1]);
        var after = at + 1 < tokens.Length && Loud(buffer, tokens[at + 1]);
        return before && after;
    }

    private static string[] Words(string spelling)
    {
        var buffer = new char[spelling.Length];
        var raw = new RawToken[spelling.Length / 2 + 1];
        var n = Tokenizer.Tokenize(spelling, buffer, raw);
        var words = new string[n];
        for (var i = 0; i < n; i++)
        {
            words[i] = new string(buffer, raw[i].Start, raw[i].Length);
        }

        return words;
    }

    private static bool IsAllCaps(string spelling)
    {
        var letters = 0;
        foreach (var c in spelling)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    private sealed record Variant(string[] Words, bool CaseSensitive, string Token);
}
