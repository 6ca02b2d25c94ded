using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Attribution;

namespace ChatBot.Core.Generation;

/// <summary>
/// The deterministic check every generated answer must pass before anyone sees it:
/// <list type="number">
/// <item>every sentence carries a citation [n];</item>
/// <item>every [n] refers to a passage that was given;</item>
/// <item>every number and every quoted phrase in a sentence appears in a passage it cites (or, for a year or day, in that article's date);</item>
/// <item>a sentence that attributes a claim ("said", "according to", or naming a source the passage cites) names the outlet of a passage it cites;</item>
/// <item>an outlet's loaded words ("terrorists", "liberated") appear only inside quotation marks, never in the bot's own voice;</item>
/// <item>(whole answers only) every disagreement already found is stated, citing each side's passage.</item>
/// </list>
/// </summary>
/// <remarks>Thread-safe and pure: the same text and passages give the same result.</remarks>
public static partial class GroundingCheck
{
    /// <summary>Loaded words always kept out of the bot's own voice, besides those the claim extractor found.</summary>
    private static readonly string[] AlwaysLoaded = ["terrorist", "terrorists", "liberated", "liberation", "liberate", "bandits", "martyr", "martyrs", "martyred"];

    /// <summary>Checks a whole answer, disagreements included.</summary>
    public static GroundingResult Check(string answer, IReadOnlyList<PromptPassage> passages, IReadOnlyList<DetectedDispute> disputes)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(disputes);

        var sentences = AnswerSentenceSplitter.Split(answer);
        var problems = new List<GroundingProblem>();
        if (sentences.Count == 0)
        {
            problems.Add(new GroundingProblem("", "the answer is empty"));
        }

        foreach (var sentence in sentences)
        {
            problems.AddRange(CheckSentence(sentence, passages));
        }

        var cited = sentences.SelectMany(s => s.Citations).ToHashSet();
        foreach (var dispute in disputes)
        {
            var sides = dispute.Positions
                .Select(p => passages.FirstOrDefault(g => g.Hit.Passage.Id == p.Evidence.Hit.Passage.Id)?.Number)
                .OfType<int>().Distinct().ToList();
            var missing = sides.Where(n => !cited.Contains(n)).ToList();
            if (sides.Count > 0 && missing.Count > 0)
            {
                var kind = dispute.Kind switch
                {
                    DisputeKind.Conflict => "the reports disagree",
                    DisputeKind.Denied => "a party denies what is reported",
                    _ => "the reporting says this is unverified",
                };
                problems.Add(new GroundingProblem("", $"{kind} about {dispute.Topic}: say so, citing {string.Join(" and ", sides.Select(n => $"[{n}]"))}"));
            }
        }

        return new GroundingResult(sentences, problems);
    }

    /// <summary>Checks one sentence on its own (checks 1 to 5): what a stream shows must pass this first.</summary>
    public static IReadOnlyList<GroundingProblem> CheckSentence(AnswerSentence sentence, IReadOnlyList<PromptPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(passages);
        var problems = new List<GroundingProblem>();
        void Fail(string reason) => problems.Add(new GroundingProblem(sentence.Text, reason));

        if (sentence.Citations.Count == 0)
        {
            Fail("it has no citation: end it with the [n] of the passage it comes from, or leave it out");
            return problems;
        }

        var unknown = sentence.Citations.Where(n => passages.All(p => p.Number != n)).Distinct().ToList();
        foreach (var n in unknown)
        {
            Fail($"it cites [{n}], but there is no passage [{n}] (passages are [1] to [{passages.Count}])");
        }

        var cited = sentence.Citations.Distinct().Select(n => passages.FirstOrDefault(p => p.Number == n)).OfType<PromptPassage>().ToList();
        if (cited.Count == 0)
        {
            return problems;
        }

        var bare = AnswerSentenceSplitter.CitationMarker().Replace(sentence.Text, " ");
        var allowed = new HashSet<decimal>();
        foreach (var passage in cited)
        {
            foreach (var (_, value) in NumberReader.Read(passage.Text, strict: false))
            {
                allowed.Add(value);
            }

            if (passage.Hit.Article.Published is { } published)
            {
                allowed.Add(published.Year);
                allowed.Add(published.Day);
            }
        }

        foreach (var (written, value) in NumberReader.Read(bare, strict: true))
        {
            if (!allowed.Contains(value))
            {
                Fail($"the number \"{written}\" is not in {Cited(cited)}");
            }
        }

        var haystacks = cited.Select(p => Normalise(p.Text)).ToList();
        var quotes = Quoted().Matches(bare).Select(m => m.Groups["q"].Value.Trim().TrimEnd('.', ',', ';', ':', '!', '?').Trim()).Where(q => q.Length > 0).ToList();
        foreach (var quote in quotes)
        {
            var needle = Normalise(quote);
            if (!haystacks.Any(h => h.Contains(needle, StringComparison.Ordinal)))
            {
                Fail($"the quoted words \"{quote}\" are not in {Cited(cited)}: quote the passage exactly");
            }
        }

        var sources = cited.SelectMany(p => p.Hit.Claims).Select(c => c.Source?.Name).OfType<string>().Distinct().ToList();
        var attributes = AttributionCue().IsMatch(bare) || sources.Any(s => Mentions(bare, s));
        var outlets = cited.Select(p => p.Outlet).Where(o => !string.Equals(o, Corpus.ArticleMetadata.UnknownOutlet, StringComparison.OrdinalIgnoreCase)).Distinct().ToList();
        if (attributes && outlets.Count > 0 && !outlets.Any(o => Mentions(bare, o)))
        {
            Fail($"it reports what someone said but does not name the outlet that carried it ({string.Join(" or ", outlets)})");
        }

        var outsideQuotes = Quoted().Replace(bare, " ");
        var loaded = cited.SelectMany(p => p.Hit.Claims).SelectMany(c => c.LoadedTerms).Concat(AlwaysLoaded).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var term in loaded)
        {
            if (Regex.IsMatch(outsideQuotes, $@"\b{Regex.Escape(term)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                Fail($"\"{term}\" is a loaded word: put it in quotation marks and say whose word it is, or use a neutral word");
            }
        }

        return problems;
    }

    private static string Cited(List<PromptPassage> cited) =>
        cited.Count == 1 ? $"passage [{cited[0].Number}]" : $"passages {string.Join(", ", cited.Select(p => $"[{p.Number}]"))}";

    /// <summary>Names the outlet or source: "The New Arab" also matches "New Arab".</summary>
    private static bool Mentions(string text, string name)
    {
        var bare = name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        return bare.Length > 0 && Normalise(text).Contains(Normalise(bare), StringComparison.Ordinal);
    }

    /// <summary>Lower case, straight quotes, one space: so a quote matches its passage whatever the typography.</summary>
    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '“' or '”' or '„' => '"',
                '‘' or '’' => '\'',
                '–' or '—' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    [GeneratedRegex("\"(?<q>[^\"]{2,}?)\"|“(?<q>[^”]{2,}?)”|‘(?<q>[^’]{2,}?)’")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(said|says|told|tells|according to|claimed|stated|announced|alleged|alleges|denied|denies|insisted|insists|quoted)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionCue();
}
