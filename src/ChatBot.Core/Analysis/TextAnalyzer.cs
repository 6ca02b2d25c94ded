using System.Buffers;

namespace ChatBot.Core.Analysis;

/// <summary>
/// The one text-analysis chain, used when indexing passages and when reading questions, so the two cannot drift:
/// <list type="number">
/// <item><see cref="CharFolder"/>: typographic quotes, dashes, non-breaking spaces, diacritics;</item>
/// <item>the tokenizer: words of letters and digits, "120,000" as "120000", possessives dropped;</item>
/// <item>the alias filter (<see cref="AliasTable"/>): a spelling variant, longest first, becomes its entry's one token,
/// capitals-only variants matching only in capitals;</item>
/// <item>lowercase;</item>
/// <item>stop words (never an alias token) and single letters dropped;</item>
/// <item>a light English stemmer.</item>
/// </list>
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Allocation-light: pooled buffers, no per-character allocation, and each thread remembers
/// what the word filters made of the words it met (<see cref="WordCache"/>), so a repeated word costs one probe.
/// </remarks>
public sealed class TextAnalyzer : ITextAnalyzer
{
    /// <summary>
    /// The version of the chain. Change it whenever a filter changes what tokens come out: the index records it and a
    /// different value forces a full rebuild.
    /// </summary>
    public const string Version = "chain-1";

    private const int ScratchLength = Tokenizer.MaxTokenLength + 1;

    // Per thread, as the cache is not thread-safe; rebuilt when this thread meets an analyzer with other aliases.
    [ThreadStatic]
    private static WordCache? t_words;

    public TextAnalyzer(AliasTable aliases)
    {
        Aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));
    }

    public AliasTable Aliases { get; }

    /// <summary>Every analysed token of <paramref name="text"/>, in order, repeats included.</summary>
    public IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(distinct: false);
        Run(text, ref sink);
        return sink.Items;
    }

    /// <summary>
    /// The content terms of <paramref name="text"/>: analysed tokens, aliases canonicalised, each once, in order of
    /// first appearance. Two texts share a term exactly when search would match them on it (use it for overlap scores).
    /// </summary>
    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new ListSink(distinct: true);
        Run(text, ref sink);
        return sink.Items;
    }

    /// <summary>True when <paramref name="term"/> (an output of this chain) names an aliases.yaml entry.</summary>
    public bool IsEntity(string term) => Aliases.IsAliasToken(term);

    internal void Run<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITokenSink, allows ref struct
    {
        if (text.IsEmpty)
        {
            return;
        }

        var cache = t_words;
        if (cache is null || !ReferenceEquals(cache.Aliases, Aliases))
        {
            t_words = cache = new WordCache(Aliases);
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var tokens = ArrayPool<RawToken>.Shared.Rent((text.Length / 2) + 1);
        Span<char> scratch = stackalloc char[ScratchLength];
        Span<char> term = stackalloc char[ScratchLength];
        try
        {
            var count = Tokenizer.Tokenize(text, buffer, tokens);
            var raw = tokens.AsSpan(0, count);
            var i = 0;
            while (i < count)
            {
                var t = raw[i];
                var word = buffer.AsSpan(t.Start, t.Length);
                var hash = WordCache.Hash(word);
                if (cache.TryGet(word, hash, out var known))
                {
                    if (known.MayStartAlias && TryAlias(buffer, raw, ref i, scratch, ref sink))
                    {
                        continue;
                    }

                    i++;
                    if (known.Term is not null)
                    {
                        sink.Add(known.Term, isAlias: false, known.Term);
                    }

                    continue;
                }

                var mayStartAlias = Aliases.MayStart(word, scratch);
                if (mayStartAlias && TryAlias(buffer, raw, ref i, scratch, ref sink))
                {
                    continue;
                }

                // Filtered in a copy: the word stays as cut in the buffer for the cache's key.
                i++;
                word.CopyTo(term);
                var length = WordFilters(term[..word.Length]);
                if (cache.HasRoom)
                {
                    cache.Add(word, hash, length < 0 ? null : new string(term[..length]), mayStartAlias);
                }

                if (length >= 0)
                {
                    sink.Add(term[..length], isAlias: false);
                }
            }
        }
        finally
        {
            ArrayPool<RawToken>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private bool TryAlias<TSink>(char[] buffer, ReadOnlySpan<RawToken> raw, ref int i, scoped Span<char> scratch, ref TSink sink)
        where TSink : struct, ITokenSink, allows ref struct
    {
        var span = Aliases.Match(buffer, raw, i, scratch, out var alias);
        if (span == 0)
        {
            return false;
        }

        sink.Add(alias, isAlias: true, alias);
        i += span;
        return true;
    }

    // The filters after the alias filter, on one word in place: lowercase, single letters and stop words dropped (-1),
    // the stemmer; returns the term's length.
    private static int WordFilters(Span<char> word)
    {
        var ascii = Lowercase(word);
        if (word.Length == 1 && !char.IsDigit(word[0]))
        {
            return -1;
        }

        if (StopWords.Contains(word))
        {
            return -1;
        }

        return ascii ? EnglishStemmer.Stem(word) : word.Length;
    }

    // Lowercases in place; returns true when the word is plain ASCII (the stemmer's domain).
    private static bool Lowercase(Span<char> word)
    {
        var ascii = true;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (c < 0x80)
            {
                if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    word[k] = (char)(c | 0x20);
                }
            }
            else
            {
                ascii = false;
                word[k] = char.ToLowerInvariant(c);
            }
        }

        return ascii;
    }

    private struct ListSink(bool distinct) : ITokenSink
    {
        // Up to this many terms a repeat is found by scanning the list, and a set is built only past it: most texts
        // analysed per question are a sentence (about 60 a question), and a set per call, regrown as it fills, was most
        // of what analysing one cost in allocation.
        private const int ScanLimit = 16;

        private HashSet<string>? _seen;

        public List<string> Items { get; } = [];

        public void Add(scoped ReadOnlySpan<char> token, bool isAlias, string? text = null)
        {
            var s = text ?? token.ToString();
            if (!distinct)
            {
                Items.Add(s);
            }
            else if (_seen is not null)
            {
                if (_seen.Add(s))
                {
                    Items.Add(s);
                }
            }
            else if (!Items.Contains(s))
            {
                Items.Add(s);
                if (Items.Count > ScanLimit)
                {
                    _seen = new HashSet<string>(Items, StringComparer.Ordinal);
                }
            }
        }
    }
}
