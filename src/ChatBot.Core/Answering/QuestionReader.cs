using System.Text.RegularExpressions;
using ChatBot.Core.Analysis;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Answering;

/// <summary>
/// Reads a standalone question into a <see cref="QuestionFocus"/>: its content terms through the shared analysis
/// chain, which of them are names, what shape of statement would answer it, and which outlets it names.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class QuestionReader
{
    // Words that frame a question rather than say what it is about. Analysed once, so they match the chain's terms.
    private static readonly string[] FramingWords =
    [
        "how", "many", "much", "what", "which", "who", "whom", "whose", "when", "where", "why", "did", "does", "do",
        "say", "said", "says", "report", "reported", "reports", "reporting", "tell", "told", "according", "happen",
        "happened", "happening", "get", "got", "make", "made", "take", "took", "there", "close", "far", "long", "number",
        "outlet", "outlets", "article", "articles", "news", "story", "stories", "claim", "claims", "claimed", "source",
        "sources", "know", "known", "describe", "described", "mention", "mentioned", "state", "stated", "accord",
        "around", "about", "going", "situation", "latest", "update", "updates", "detail", "details", "anything", "something",
        // Time words: a time hint filters by date (TimeHintParser) rather than asking for the words.
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "year", "month", "week", "early", "late", "mid",
    ];

    /// <summary>Verbs of taking and holding ground: the shape of an answer to "who holds Palmyra?".</summary>
    internal static readonly string[] ControlWords =
    [
        "hold", "holds", "held", "control", "controls", "controlled", "capture", "captured", "recapture", "recaptured",
        "seize", "seized", "take", "took", "taken", "retake", "retook", "retaken", "regain", "regained", "lose", "lost",
        "liberated", "fell", "fall", "pushed", "overran", "hands",
    ];

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "how", "what", "which", "who", "whom", "whose", "when", "where", "why", "did", "does", "do", "is", "are", "was",
        "were", "has", "have", "had", "can", "could", "will", "would", "should", "and", "but", "so", "the", "a", "an",
        "in", "on", "at", "according", "tell", "give", "list", "name", "please", "i", "according to",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private readonly ITextAnalyzer _analyzer;
    private readonly HashSet<string> _framingTerms;
    private readonly HashSet<string> _controlTerms;

    public QuestionReader(ITextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _framingTerms = new HashSet<string>(FramingWords.SelectMany(w => analyzer.Terms(w)), StringComparer.Ordinal);
        _controlTerms = new HashSet<string>(ControlWords.SelectMany(w => analyzer.Terms(w)), StringComparer.Ordinal);
    }

    public QuestionFocus Read(string question, SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(catalog);

        var outlets = new List<string>();
        var searchText = question;
        foreach (var (outlet, pattern) in OutletPatterns.GetValue(catalog, Compile))
        {
            if (pattern.IsMatch(searchText))
            {
                outlets.Add(outlet);
                searchText = pattern.Replace(searchText, " ");
            }
        }

        var names = ReadNames(searchText);
        var shape = ReadShape(question);
        var changing = ChangingSituation().IsMatch(question);
        if (shape == AnswerShape.Any && ControlQuestion().IsMatch(question))
        {
            shape = AnswerShape.Control;
        }

        var allTerms = _analyzer.Terms(searchText)
            .Where(t => !_framingTerms.Contains(t) && !IsYear(t) && !(shape == AnswerShape.Control && _controlTerms.Contains(t)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var entityTerms = new HashSet<string>(names.SelectMany(n => n.Terms), StringComparer.Ordinal);
        foreach (var term in entityTerms.Where(t => !allTerms.Contains(t)))
        {
            allTerms.Add(term);
        }

        // Retrieval gets the question without its framing words ("according to the reporting"), so its few lookups go
        // to the words that carry the question; a question made only of framing words keeps them all.
        var carrying = SurfaceWord().Replace(searchText, word =>
        {
            var terms = _analyzer.Terms(word.Value);
            return terms.Count > 0 && terms.All(t => _framingTerms.Contains(t)) ? " " : word.Value;
        });
        if (_analyzer.Terms(carrying).Count > 0)
        {
            searchText = carrying;
        }

        return new QuestionFocus
        {
            Terms = allTerms,
            EntityTerms = entityTerms,
            Names = names,
            Shape = shape,
            AboutChangingSituation = changing,
            AboutWhatWasSaid = WhatWasSaid().IsMatch(question),
            Outlets = outlets,
            SearchText = searchText,
        };
    }

    /// <summary>
    /// The names in <paramref name="question"/>, in order: each run of capitalised words (Arabic particles and
    /// "of"/"for" included) or acronym, less the question's opening word when that is no name ("Who", "Did", "The"),
    /// with its terms from the analysis chain, framing words left out. A run that is one such word ("What", "May"; the
    /// acronym "IS" excepted) or has no term left is no name. <see cref="Read"/> takes its names from here once the
    /// outlets are cut out of the question; the follow-up rewriter calls it alone for every earlier turn, without the
    /// shape, the search text and the analysis of every word that a full read costs.
    /// </summary>
    public IReadOnlyList<QuestionName> ReadNames(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var names = new List<QuestionName>();
        var firstWord = FirstWordIndex(question);
        foreach (Match match in NamePattern().Matches(question))
        {
            var text = match.Value.Trim();
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A capitalised first word is a name only if it is not a question word ("Who", "How", "Did").
            if (match.Index == firstWord && NotNames.Contains(words[0]) && !IsAcronym(words[0]))
            {
                text = string.Join(' ', words.Skip(1));
            }

            // "IS" in capitals is a name even though "is" is not.
            if (text.Length == 0 || (NotNames.Contains(text) && !IsAcronym(text)))
            {
                continue;
            }

            var terms = _analyzer.Terms(text).Where(t => !_framingTerms.Contains(t)).ToList();
            if (terms.Count > 0)
            {
                names.Add(new QuestionName(text, terms));
            }
        }

        return names;
    }

    [GeneratedRegex(@"\b(?:say|said|says|claim|claimed|claims|report|reported|reports|tell|told|announce|announced|accuse|accused|deny|denied|describe|described|admit|admitted|according\s+to|position|view)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatWasSaid();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex SurfaceWord();

    // One pattern per outlet (its name and aliases, longest first), compiled once per sources.yaml version. No match
    // timeout: an alternation of literals cannot backtrack badly, and a wall-clock timeout failed whole answers when
    // a busy machine paused the thread mid-match. RegexOptions.Compiled: every question is matched against every
    // outlet's pattern, which the interpreter made the costliest step of reading a question; compiled, the look-ups
    // cost a fraction, for a one-off compile per catalog.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceCatalog, (string Outlet, Regex Pattern)[]> OutletPatterns = new();

    private static (string Outlet, Regex Pattern)[] Compile(SourceCatalog catalog) =>
        [.. catalog.Outlets.Select(outlet => (outlet.Name, new Regex(
            $@"(?<![\w-])(?:the\s+)?(?:{string.Join('|', outlet.Aliases.Prepend(outlet.Name).OrderByDescending(n => n.Length).Select(Regex.Escape))})(?![\w-])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout)))];

    private static bool IsYear(string term) => term.Length == 4 && term.All(char.IsAsciiDigit) && term[0] is '1' or '2';

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(c => char.IsUpper(c) || c == '-');

    private static int FirstWordIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return i;
            }
        }

        return 0;
    }

    private static AnswerShape ReadShape(string question) =>
        DistanceQuestion().IsMatch(question) ? AnswerShape.Distance
        : FigureQuestion().IsMatch(question) ? AnswerShape.Figure
        : TimeQuestion().IsMatch(question) ? AnswerShape.Time
        : SourceQuestion().IsMatch(question) ? AnswerShape.Source
        : AnswerShape.Any;

    // Runs of capitalised words, with the particles of Arabic names inside them ("Deir ez-Zor", "Jabhat al-Nusra",
    // "Abu Bakr al-Baghdadi") and "of"/"for" ("Syrian Observatory for Human Rights"), or all-caps acronyms.
    [GeneratedRegex(@"(?<![\p{L}-])(?:(?:al|el|ez|ed|es|as|ad|ar|az|ash|bin|ibn|abu|de|la)-)?[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}'’]+)*(?:\s+(?:(?:of|for|the|al|el|ez|ed|es|as|ad|ar|az|ash|bin|ibn|abu|de|la)\s+)?(?:(?:al|el|ez|ed|es|as|ad|ar|az|ash|bin|ibn|abu|de|la)-)?[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}'’]+)*)*|(?<![\p{L}-])(?:al|el|ez|ed|es|as|ad|ar|az|ash|bin|ibn|abu|de|la)-[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}'’]+)*(?:\s+(?:(?:al|el|ez|ed|es|as|ad|ar|az|ash|bin|ibn|abu|de|la)-)?[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}'’]+)*)*", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\bwho\s+(?:holds|held|controls|controlled|took|retook|recaptured|captured|regained|seized|is\s+in\s+control)\b|\b(?:change[sd]?|changing)\s+hands\b|\bin\s+whose\s+hands\b|\bhow\s+much\s+of\b.*\bcontrol", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ControlQuestion();

    [GeneratedRegex(@"\bhow\s+(?:close|far|near)\b|\bwithin\s+how\b|\bwhat\s+distance\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistanceQuestion();

    [GeneratedRegex(@"\bhow\s+(?:many|much)\b|\bwhat\s+(?:number|share|percentage|proportion|portion|toll|figure)\b|\bdeath\s+toll\b|\bcasualt", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FigureQuestion();

    [GeneratedRegex(@"^\s*(?:and\s+)?when\b|\bwhat\s+(?:date|day|time|year|month)\b|\bsince\s+when\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\bwho\s+(?:said|says|claimed|claims|reported|reports|told|announced|stated)\b|\baccording\s+to\s+whom\b|\bwhat\s+(?:source|sources)\b|\bwho\s+is\s+the\s+source\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceQuestion();

    [GeneratedRegex(@"\bwho\s+(?:holds|held|controls|controlled|has|had|took|retook|recaptured|captured|regained)\b|\b(?:still|now|currently|today|latest|anymore)\b|\bhow\s+much\s+of\b.*\bcontrol|\bin\s+(?:whose|the)\s+hands\b|\bchange[sd]?\s+hands\b|\bwho\s+is\s+in\s+control\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangingSituation();
}
