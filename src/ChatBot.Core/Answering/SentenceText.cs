using System.Text.RegularExpressions;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>
/// How an original sentence appears in an answer: its words never change; whitespace is tidied for reading, a
/// caption's trailing photo credit is left out (the quote stays an exact substring), the first word may be
/// lower-cased to follow "reported that", and the citation marker goes before the final full stop.
/// </summary>
internal static partial class SentenceText
{
    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "however", "but", "and", "meanwhile", "likewise", "also", "still", "yet", "so", "perhaps", "instead", "moreover",
        "furthermore", "nevertheless", "nonetheless", "indeed", "thus", "therefore", "then", "now", "or", "while",
        "although", "though", "because", "if", "as", "once", "after", "before", "since", "when", "where",
    };

    // Sentence-initial words that are ordinary words, not names, and read on in lower case after "reported that".
    private static readonly HashSet<string> Lowerable = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "many", "most",
        "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
        "thousands", "heavy", "fierce", "intense", "local", "both", "each", "all", "more", "fewer", "at", "in", "on", "by",
        "for", "from", "with", "during", "about", "over", "under", "around", "nearly", "almost", "according", "despite",
        "earlier", "later", "last", "overnight", "rebel", "rebels", "opposition", "government", "regime", "militants",
        "fighters", "troops", "forces", "activists", "residents", "civilians", "witnesses", "officials", "security",
        "military", "airstrikes", "air", "clashes", "fighting", "shelling", "there", "it", "they", "he", "she", "we",
        "one", "no", "only", "such", "another", "other", "new", "two-thirds", "half", "up", "regional", "pro-regime",
        "pro-government", "state", "syrian-backed", "russian-backed", "backed", "insurgent", "insurgents", "jihadist",
        "jihadists", "attacking", "fighting", "following", "amid", "among", "between", "within", "without", "until",
        "at least", "more than", "around", "approximately", "roughly", "some", "any", "every", "few", "much", "least",
    };

    /// <summary>The exact text a citation quotes: the sentence, less a caption's trailing credit and whitespace.</summary>
    public static string Quote(EvidenceSentence evidence)
    {
        var text = evidence.Sentence.Text.TrimEnd();
        if (evidence.IsCaption)
        {
            var credit = TrailingCredit().Match(text);
            if (credit.Success && credit.Index > 0)
            {
                text = text[..credit.Index].TrimEnd();
            }
        }

        return text;
    }

    /// <summary>The quote with runs of whitespace (line breaks, non-breaking spaces) shown as single spaces.</summary>
    public static string Display(EvidenceSentence evidence) => Tidy(Quote(evidence));

    public static string Tidy(string text) => Corpus.TextBlocks.Normalize(text);

    /// <summary>True when the sentence cannot follow "reported that": it opens with a quotation or a connective.</summary>
    public static bool NeedsColon(string display)
    {
        if (display.Length == 0)
        {
            return true;
        }

        if (display[0] is '"' or '“' or '‘' or '\'' or '[' or '(' or '-' or '—')
        {
            return true;
        }

        var first = FirstWord(display);
        return Connectives.Contains(first) && (display.Length > first.Length && display[first.Length] is ',' or ' ');
    }

    /// <summary>Lower-cases the first word when it is an ordinary word, so the sentence reads on after "reported that".</summary>
    public static string ReadOn(string display, string passageText)
    {
        var first = FirstWord(display);
        if (first.Length == 0 || !char.IsUpper(first[0]) || first.Skip(1).Any(char.IsUpper))
        {
            return display;
        }

        var lower = char.ToLowerInvariant(first[0]) + first[1..];
        // Ordinary words: listed ones, "-ing" words ("Breaking reports"), and words the passage itself writes in lower case.
        var ordinary = Lowerable.Contains(first)
            || (first.Length >= 6 && first.EndsWith("ing", StringComparison.Ordinal))
            || ContainsWord(passageText, lower);
        return ordinary ? lower + display[first.Length..] : display;
    }

    /// <summary>
    /// Whether <paramref name="word"/> occurs in <paramref name="text"/> with no letter either side (ordinal, as the
    /// pattern <c>(?&lt;!\p{L})word(?!\p{L})</c> would match). A plain search instead of a regex built per sentence:
    /// saves parsing a pattern for each cited sentence, and cannot hit a match timeout on a busy machine.
    /// </summary>
    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts " [n]" before the sentence's final full stop (after a closing quotation mark when there is one).</summary>
    public static string WithMarker(string sentence, IEnumerable<int> citations)
    {
        var marker = string.Concat(citations.Distinct().Order().Select(n => $" [{n}]"));
        var text = sentence.TrimEnd();
        if (text.Length == 0)
        {
            return marker.Trim();
        }

        var last = text[^1];
        if (last is '.' or '!' or '?')
        {
            return text[..^1] + marker + last;
        }

        if (last is '"' or '”' or '’' or '\'' or ')' or ']' && text.Length > 1 && text[^2] is '.' or '!' or '?' or ',')
        {
            return text + marker + (text[^2] == ',' ? "." : string.Empty);
        }

        return text + marker + ".";
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '\''))
        {
            end++;
        }

        return text[..end];
    }

    [GeneratedRegex(@"(?:\s*\[[^\]\n]{1,40}\])?\s*\|(?:\s*License Photo)?\s*$|\s*\[[^\]\n]{1,40}\]\s*$|\s*Photo by [^.\n]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingCredit();
}
