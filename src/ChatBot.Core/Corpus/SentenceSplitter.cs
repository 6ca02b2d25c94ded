using System.Buffers;

namespace ChatBot.Core.Corpus;

/// <summary>
/// Finds sentence boundaries in news text, with exact offsets: abbreviations (Oct., U.S., Mr., initials), decimals,
/// straight and typographic quotes (a sentence ends after the closing quote), brackets, dashes, non-breaking spaces
/// and hard line breaks inside a sentence.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SentenceSplitter
{
    // Looked up by span (the word before a full stop, the word after it) so no substring is made per full stop.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverEnd = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "capt", "sgt", "maj", "brig", "adm", "cmdr", "rep", "sen",
        "gov", "pres", "rev", "hon", "mt", "ft", "jr", "sr", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "ca", "sheikh",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumber = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "p", "pp", "vol", "art", "fig",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = new HashSet<string>(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "These", "Those",
        "There", "His", "Her", "Its", "Their", "Meanwhile", "However", "Earlier", "Later", "After", "As", "If", "When", "While",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> TerminalMarks = SearchValues.Create(".!?\u2026");

    /// <summary>The sentences of <c>text[start..end]</c> as (start, length) spans, white space around each excluded.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var result = new List<(int, int)>();
        Split(text, start, end, result);
        return result;
    }

    /// <summary>As <see cref="Split(string, int, int)"/>, adding to <paramref name="result"/> (a caller reuses one list).</summary>
    internal static void Split(string text, int start, int end, List<(int Start, int Length)> result)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            // Jump to the next terminal mark in one vectorised search rather than testing every character.
            var found = text.AsSpan(i, end - i).IndexOfAny(TerminalMarks);
            if (found < 0)
            {
                break;
            }

            i += found;

            // Take the whole run of terminal marks ("?!", "...") and any closing quotes or brackets after it.
            var stop = i + 1;
            while (stop < end && text[stop] is '.' or '!' or '?' or '\u2026')
            {
                stop++;
            }

            while (stop < end && IsCloser(text[stop]))
            {
                stop++;
            }

            if (IsBoundary(text, i, stop, end))
            {
                Add(result, text, sentenceStart, stop);
                sentenceStart = stop;
            }

            i = stop;
        }

        Add(result, text, sentenceStart, end);
    }

    private static bool IsBoundary(string text, int mark, int stop, int end)
    {
        if (stop >= end)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[stop]))
        {
            return false; // 12.5, U.S, "..."bandits" inside a word
        }

        var next = stop;
        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        var n = text[next];
        var nextOpensSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201c' or '\u2018' or '\'' or '(' or '[' or '\u2014' or '-'
            || (char.IsLetter(n) && !char.IsLower(n) && !char.IsUpper(n));
        if (!nextOpensSentence)
        {
            return false;
        }

        if (text[mark] != '.' || stop - mark > 1 && text[mark + 1] == '.')
        {
            return true;
        }

        // A full stop: is it the end of an abbreviation?
        var wordStart = mark;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, mark - wordStart);
        if (word.Length == 0)
        {
            return true;
        }

        if (NeverEnd.Contains(word))
        {
            return false;
        }

        if (BeforeNumber.Contains(word) && char.IsDigit(n))
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "John F. Kennedy"
        }

        if (word.Contains('.') && IsDottedInitials(word))
        {
            // U.S., U.N.: a sentence ends there only when a typical sentence opener follows.
            var nextWordEnd = next;
            while (nextWordEnd < end && char.IsLetter(text[nextWordEnd]))
            {
                nextWordEnd++;
            }

            return SentenceStarters.Contains(text.AsSpan(next, nextWordEnd - next));
        }

        return true;
    }

    /// <summary>Every part between full stops at most two letters long ("U.S", "U.N", "e.g"), as <c>word.Split('.')</c> gives the parts.</summary>
    private static bool IsDottedInitials(ReadOnlySpan<char> word)
    {
        var partStart = 0;
        for (var k = 0; k <= word.Length; k++)
        {
            if (k == word.Length || word[k] == '.')
            {
                if (k - partStart > 2)
                {
                    return false;
                }

                partStart = k + 1;
            }
        }

        return true;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201d' or '\u2019' or ')' or ']' or '\u00bb';

    private static void Add(List<(int Start, int Length)> result, string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        if (to > from)
        {
            result.Add((from, to - from));
        }
    }
}
