using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Core.Answering;

namespace ChatBot.Core.Evaluation;

/// <summary>
/// The deterministic support check behind citation precision: does a citation's quote support the span of the answer
/// it is attached to? No model is involved, so the same answer always scores the same.
/// </summary>
/// <remarks>
/// <para>The span is the text a marker closes (see <see cref="AnswerSentences.Spans"/>), without [n] markers and
/// without square-bracketed insertions ("the desert city [Palmyra]": the composer's clarifications, which the quote
/// cannot contain). It is supported when all of these hold:</para>
/// <list type="number">
/// <item>Every number of the span (digits with thousands separators removed, "120,000" = "120000"; number words
/// "four", "fifteen", "two hundred") is a number of the quote, digits or words alike.</item>
/// <item>Every capitalised name of the span (a capitalised word that is not the first word of the span, or a first
/// word that is not a common sentence opener) appears in the quote, the citation's outlet or its source.</item>
/// <item>At least <see cref="MinimumOverlap"/> of the span's content words appear in the quote. Content words are the
/// lower-cased words minus stop words, minus attribution wrapper words ("reported", "said", "according", "that"...)
/// and minus the words of the outlet's and source's names, compared after light stemming (plural -s/-es/-ies,
/// -ing, -ed, possessive 's).</item>
/// </list>
/// <para>Numbers that are parts of a citation's publication date also count as present ("as of 9 December 2016").
/// A span with no content word left (only a wrapper such as "The New Arab reported") supports nothing.</para>
/// </remarks>
public static partial class CitationSupport
{
    /// <summary>Share of the span's content words the quote must contain.</summary>
    public const double MinimumOverlap = 0.6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for", "from", "by",
        "with", "without", "into", "onto", "over", "under", "up", "down", "out", "off", "about", "above", "below",
        "as", "than", "then", "there", "here", "this", "that", "these", "those", "it", "its", "it's", "they", "them",
        "their", "he", "him", "his", "she", "her", "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom",
        "whose", "which", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "not", "no", "also", "very", "more", "most", "some", "any", "all", "each", "such", "only", "own",
        "same", "other", "just", "now", "still", "while", "after", "before", "during", "since", "until", "if",
        "because", "though", "although", "despite", "between", "among", "against", "through", "across", "along",
        "around", "near", "within", "per", "via", "even", "however", "meanwhile", "earlier", "later",
    };

    private static readonly HashSet<string> WrapperWords = new(StringComparer.Ordinal)
    {
        "report", "reported", "reports", "reporting", "said", "say", "says", "according", "told", "tells", "tell",
        "claim", "claimed", "claims", "stated", "states", "added", "adds", "noted", "notes", "wrote", "writes",
        "write", "citing", "cited", "cites", "quoted", "quoting", "described", "describes", "reportedly", "alleged",
        "allegedly", "outlet", "newspaper", "photo", "caption",
    };

    private static readonly Dictionary<string, long> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Multipliers = new(StringComparer.Ordinal)
    {
        ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1_000_000,
    };

    /// <summary>Checks <paramref name="span"/> against one citation.</summary>
    public static SupportVerdict Check(string span, Citation citation, IEnumerable<string>? claimants = null)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return Check(span, [citation], claimants);
    }

    /// <summary>
    /// Checks <paramref name="span"/> against citations attached to it together ("[1][2]"): numbers, names and
    /// content words may come from any of their quotes.
    /// </summary>
    /// <param name="span">The answer text the markers close.</param>
    /// <param name="citations">The citations attached to it.</param>
    /// <param name="claimants">Who the answer says makes the claim (a dispute position's claimant), besides the citation's source.</param>
    public static SupportVerdict Check(string span, IReadOnlyList<Citation> citations, IEnumerable<string>? claimants = null)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(citations);
        if (citations.Count == 0)
        {
            return SupportVerdict.No("no citation");
        }

        var text = Bracketed().Replace(AnswerSentences.WithoutMarkers(span), " ");
        var quote = string.Join(" ", citations.Select(c => c.Quote));
        // Attribution may name the outlet, its source, whom the source spoke to, the claimant of a disputed position, and
        // the month of the article's date ("reported on 9 December 2016 that ..."): none of those need be in the quote.
        var speakers = string.Join(" ", citations.Select(c =>
            $"{c.Outlet} {c.Source} {c.SourceVia} {c.Published?.ToString("MMMM", CultureInfo.InvariantCulture)}").Concat(claimants ?? []));

        // The date a citation was published may be named ("as of 9 December 2016, per ...") without being quoted.
        var quoteNumbers = Numbers(quote).ToHashSet();
        foreach (var published in citations.Select(c => c.Published).OfType<DateOnly>())
        {
            quoteNumbers.UnionWith([published.Year, published.Month, published.Day]);
        }

        foreach (var number in Numbers(text))
        {
            if (!quoteNumbers.Contains(number))
            {
                return SupportVerdict.No($"number {number.ToString(CultureInfo.InvariantCulture)} is not in the quote");
            }
        }

        var quoteWords = Words(quote).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var speakerWords = Words(speakers).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var lower = word.ToLowerInvariant();
            var isName = char.IsUpper(word[0]) && (i > 0 || !(StopWords.Contains(lower) || WrapperWords.Contains(lower)));
            if (isName && !NumberWords.ContainsKey(lower) && !quoteWords.Contains(lower) && !speakerWords.Contains(lower) &&
                !quoteWords.Contains(Stem(lower)) && !quoteWords.Select(Stem).Contains(Stem(lower)))
            {
                return SupportVerdict.No($"name '{word}' is not in the quote, outlet or source");
            }
        }

        var content = words.Select(w => w.ToLowerInvariant())
            .Where(w => !StopWords.Contains(w) && !WrapperWords.Contains(w) && !speakerWords.Contains(w) &&
                        !w.Split('-').All(p => NumberWords.ContainsKey(p) || Multipliers.ContainsKey(p)) && !w.All(char.IsDigit))
            .Select(Stem)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (content.Count == 0)
        {
            return SupportVerdict.No("nothing to support: no content words besides the attribution");
        }

        var quoteStems = quoteWords.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var missing = content.Where(w => !quoteStems.Contains(w)).ToList();
        var overlap = 1 - ((double)missing.Count / content.Count);
        return overlap >= MinimumOverlap
            ? SupportVerdict.Yes(overlap)
            : SupportVerdict.No(
                $"only {overlap:P0} of its content words are in the quote (missing: {string.Join(", ", missing.Take(6))})",
                overlap);
    }

    /// <summary>The numbers of <paramref name="text"/>: digits ("120,000" = 120000, "24-hours" = 24) and number words.</summary>
    public static IReadOnlySet<double> Numbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = new HashSet<double>();
        foreach (Match m in Digits().Matches(text))
        {
            if (double.TryParse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                numbers.Add(value);
            }
        }

        long? current = null;
        var words = Words(text).SelectMany(w => w.ToLowerInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries));
        foreach (var word in words.Append(string.Empty))
        {
            if (NumberWords.TryGetValue(word, out var n))
            {
                current = (current ?? 0) + n;
            }
            else if (Multipliers.TryGetValue(word, out var multiplier) && current is not null)
            {
                current *= multiplier;
            }
            else if (word != "and" || current is null)
            {
                if (current is { } done)
                {
                    numbers.Add(done);
                }

                current = null;
            }
        }

        return numbers;
    }

    /// <summary>Light stemming: possessive, plural and -ing/-ed endings; enough to match "fighters" with "fighter".</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal) && !w.EndsWith("ss", StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }

    private static List<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value.Trim('\'', '’', '-'))
        .Where(w => w.Length > 0 && char.IsLetter(w[0]))];

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
