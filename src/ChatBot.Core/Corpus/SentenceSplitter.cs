namespace ChatBot.Core.Corpus;

/// <summary>
/// Finds sentence boundaries in news text, with exact offsets: abbreviations (Oct., U.S., Mr., initials), decimals,
/// straight and typographic quotes (a sentence ends after the closing quote), brackets, dashes, non-breaking spaces
/// and hard line breaks inside a sentence.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> NeverEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "capt", "sgt", "maj", "brig", "adm", "cmdr", "rep", "sen",
        "gov", "pres", "rev", "hon", "mt", "ft", "jr", "sr", "vs", "v", "e.g", "i.e", "cf", "approx", "est", "ca", "sheikh",
    };

    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "p", "pp", "vol", "art", "fig",
    };

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "These", "Those",
        "There", "His", "Her", "Its", "Their", "Meanwhile", "However", "Earlier", "Later", "After", "As", "If", "When", "While",
    };

    /// <summary>The sentences of <c>text[start..end]</c> as (start, length) spans, white space around each excluded.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var result = new List<(int, int)>();
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                i++;
                continue;
            }

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
        return result;
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

        var word = text[wordStart..mark];
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

        if (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(p => p.Length <= 2))
        {
            // U.S., U.N.: a sentence ends there only when a typical sentence opener follows.
            var nextWordEnd = next;
            while (nextWordEnd < end && char.IsLetter(text[nextWordEnd]))
            {
                nextWordEnd++;
            }

            return SentenceStarters.Contains(text[next..nextWordEnd]);
        }

        return true;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201d' or '\u2019' or ')' or ']' or '\u00bb';

    private static void Add(List<(int, int)> result, string text, int from, int to)
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
