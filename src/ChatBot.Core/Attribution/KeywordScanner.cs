using System.Buffers;

namespace ChatBot.Core.Attribution;

/// <summary>
/// The one pass over a sentence's words that tells claim extraction which readers can find anything
/// (<see cref="SentenceKeywords"/>) and where its reporting cues can start. A reader whose words the sentence lacks is
/// skipped, so most sentences cost this pass and no reader's own search (one per reader and hedge kind, each
/// re-reading the sentence).
/// </summary>
/// <remarks>
/// A word is a maximal run of letters. Each pattern's trigger word is whole in any match (a pattern puts a word
/// boundary, a space or a fixed word next to it), so a flag is set whenever its pattern can match; a flag set without a
/// match only costs the reader's own search. Thread-safe after construction.
/// </remarks>
internal sealed class KeywordScanner
{
    /// <summary>
    /// Characters outside ASCII that the regex engine's case-insensitive matching equates with ASCII letters (Kelvin
    /// sign, long s, dotted and dotless i): a text holding one must go to the regexes, not to a plain word test.
    /// </summary>
    public static readonly SearchValues<char> CaseFoldingOddities = SearchValues.Create("\u212A\u017F\u0130\u0131");

    private static readonly (SentenceKeywords Flag, string[] Words)[] ReaderWords =
    [
        (SentenceKeywords.NumberWord, ["dozens", "scores", "hundreds", "thousands", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]),
        (SentenceKeywords.HedgeAlleged, ["allegedly", "alleged", "purportedly", "purported"]),

        // "was said to" is caught by the pair "said" + "to" (see Scan).
        (SentenceKeywords.HedgeReported, ["reportedly", "reported", "reports"]),
        (SentenceKeywords.HedgeClaimed, ["claim", "claims", "claimed", "claiming", "what"]),
        (SentenceKeywords.HedgeAppears, ["appear", "appears", "appeared", "seem", "seems", "seemed", "apparently", "possibly", "look", "looks"]),

        // Besides these, any word starting "verif", "confirm" or "authenticat" (see Scan).
        (SentenceKeywords.HedgeUnverifiable, ["unverified", "unconfirmed"]),
        (SentenceKeywords.HedgeDenied, ["deny", "denies", "denied", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "refute"]),

        // Every refusal hedge ends in what is not admitted: "refused to confirm", "would not acknowledge".
        (SentenceKeywords.HedgeRefused, ["admit", "confirm", "acknowledge", "disclose"]),
        (SentenceKeywords.Ago, ["ago"]),
        (SentenceKeywords.Relative, ["yesterday", "today", "tonight", "night", "morning", "evening", "week", "month", "year"]),

        // Month and weekday names count only capitalised (see Scan), as the time patterns read them.
        (SentenceKeywords.Month, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december"]),
        (SentenceKeywords.Weekday, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        (SentenceKeywords.ClauseBut, ["but"]),
        (SentenceKeywords.ClauseThat, ["that"]),
        (SentenceKeywords.ClauseAfter, ["after"]),
        (SentenceKeywords.ClauseAlthough, ["although"]),
        (SentenceKeywords.ClauseThough, ["though"]),
        (SentenceKeywords.ClauseWhile, ["while"]),
        (SentenceKeywords.ClauseBecause, ["because"]),
        (SentenceKeywords.ClauseBefore, ["before"]),
        (SentenceKeywords.ClauseSince, ["since"]),
        (SentenceKeywords.ClauseWhen, ["when"]),
        (SentenceKeywords.ClauseWhereas, ["whereas"]),
        (SentenceKeywords.ClauseUntil, ["until"]),
        (SentenceKeywords.ClauseEven, ["even"]),
    ];

    private readonly Dictionary<string, SentenceKeywords> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SentenceKeywords>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly SentenceKeywords _always;
    private readonly int _longest;

    // Bit (length - 1) is set for each length a keyword with that first and last letter has: most words of a sentence
    // ("the", "of", "forces") fail this test and skip the hash look-up.
    private readonly ulong[] _lengthsByLetters = new ulong[26 * 26];

    /// <param name="cueLeads">The words a reporting cue can start with.</param>
    /// <param name="loadedTerms">The loaded framing terms, whole.</param>
    public KeywordScanner(IEnumerable<string> cueLeads, IEnumerable<string> loadedTerms)
    {
        foreach (var (flag, words) in ReaderWords)
        {
            foreach (var word in words)
            {
                Add(word, flag);
            }
        }

        // A lexicon entry whose first word is not plain ASCII letters cannot be looked up by word: its reader always runs.
        foreach (var cue in cueLeads)
        {
            _always |= AddFirstWord(cue, SentenceKeywords.Cue);
        }

        foreach (var term in loadedTerms)
        {
            _always |= AddFirstWord(term, SentenceKeywords.Loaded);
        }

        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in _words.Keys)
        {
            _longest = Math.Max(_longest, word.Length);
            _lengthsByLetters[LetterPair(word)] |= 1UL << Math.Min(63, word.Length - 1);
        }
    }

    /// <summary>True when every cue word is looked up, so the cue starts <see cref="Scan"/> gives are all of them.</summary>
    public bool KnowsCueStarts => (_always & SentenceKeywords.Cue) == 0;

    /// <summary>
    /// The keywords of <paramref name="text"/>; <paramref name="cueStarts"/> receives where each cue word starts and
    /// <paramref name="numberWordStarts"/> where each number word starts (both unknown when <see cref="SentenceKeywords.Unscanned"/>).
    /// </summary>
    public SentenceKeywords Scan(string text, List<int> cueStarts, List<int> numberWordStarts)
    {
        cueStarts.Clear();
        numberWordStarts.Clear();
        if (text.AsSpan().IndexOfAny(CaseFoldingOddities) >= 0)
        {
            return SentenceKeywords.All;
        }

        var found = _always;
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            found |= SentenceKeywords.Digit;
        }

        Span<char> lower = stackalloc char[_longest];
        var previousWasSaid = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var ascii = true;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsAsciiLetter(c))
                {
                    i++;
                }
                else if (c >= '\u0080' && char.IsLetter(c))
                {
                    ascii = false;
                    i++;
                }
                else
                {
                    break;
                }
            }

            var length = i - start;
            var isSaid = false;
            if (!ascii || length > _longest)
            {
                // No keyword has letters outside ASCII, and none is this long: only the prefix test applies ("confirmé"
                // matches the unverifiable pattern's "confirm\w*" as "confirmed" does).
                if (IsVerificationWord(text.AsSpan(start, length)))
                {
                    found |= SentenceKeywords.HedgeUnverifiable;
                }

                previousWasSaid = false;
                continue;
            }

            // Lower-cased and looked up only when some keyword has this word's first and last letter and length.
            var first = (char)(text[start] | 0x20);
            var pair = ((first - 'a') * 26) + (text[i - 1] | 0x20) - 'a';
            if ((_lengthsByLetters[pair] & (1UL << Math.Min(63, length - 1))) != 0)
            {
                var word = lower[..length];
                for (var k = 0; k < length; k++)
                {
                    word[k] = (char)(text[start + k] | 0x20);
                }

                if (_lookup.TryGetValue(word, out var flags))
                {
                    if ((flags & (SentenceKeywords.Month | SentenceKeywords.Weekday)) != 0 && !char.IsAsciiLetterUpper(text[start]))
                    {
                        flags &= ~(SentenceKeywords.Month | SentenceKeywords.Weekday);
                    }

                    if ((flags & SentenceKeywords.Cue) != 0)
                    {
                        cueStarts.Add(start);
                    }

                    if ((flags & SentenceKeywords.NumberWord) != 0)
                    {
                        numberWordStarts.Add(start);
                    }

                    found |= flags;
                }
            }

            var token = text.AsSpan(start, length);
            if (length >= 5 && first is 'v' or 'c' or 'a' && IsVerificationWord(token, first))
            {
                found |= SentenceKeywords.HedgeUnverifiable;
            }

            if (length == 4 && first == 's' && token.Equals("said", StringComparison.OrdinalIgnoreCase))
            {
                isSaid = true;
            }
            else if (previousWasSaid && token.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                found |= SentenceKeywords.HedgeReported;
            }

            previousWasSaid = isSaid;
        }

        return found;
    }

    private static int LetterPair(string lowerAscii) => ((lowerAscii[0] - 'a') * 26) + lowerAscii[^1] - 'a';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c >= '\u0080' && char.IsLetter(c));

    private static bool IsVerificationWord(ReadOnlySpan<char> word) =>
        word.StartsWith("verif", StringComparison.OrdinalIgnoreCase) || word.StartsWith("confirm", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("authenticat", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="IsVerificationWord(ReadOnlySpan{char})"/> for an ASCII word whose lower-cased first letter is known: one prefix test, not three.</summary>
    private static bool IsVerificationWord(ReadOnlySpan<char> word, char first) => first switch
    {
        'v' => word.StartsWith("verif", StringComparison.OrdinalIgnoreCase),
        'c' => word.StartsWith("confirm", StringComparison.OrdinalIgnoreCase),
        _ => word.StartsWith("authenticat", StringComparison.OrdinalIgnoreCase),
    };

    private void Add(string word, SentenceKeywords flag) =>
        _words[word] = _words.GetValueOrDefault(word) | flag;

    /// <returns>The flag when the entry's first word cannot be looked up (so its reader must always run), else none.</returns>
    private SentenceKeywords AddFirstWord(string entry, SentenceKeywords flag)
    {
        var trimmed = entry.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return SentenceKeywords.None;
        }

        var end = 0;
        while (end < trimmed.Length && char.IsAsciiLetter(trimmed[end]))
        {
            end++;
        }

        // The first word must end where the entry ends or at a character that is not a letter, as in the text.
        if (end == 0 || (end < trimmed.Length && char.IsLetter(trimmed[end])))
        {
            return flag;
        }

        Add(trimmed[..end].ToString().ToLowerInvariant(), flag);
        return SentenceKeywords.None;
    }
}
