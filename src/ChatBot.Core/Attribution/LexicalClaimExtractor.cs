using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Extracts claims with rules over news language: a reporting cue ("said", "told", "according to", "distributed
/// video showed") and its subject give the source, matched to sources.yaml by name or alias, else kept in the
/// article's words; a definite or pronoun subject ("the commander", "he") refers back to an earlier source; quoted
/// sentences without a cue take the speaker of the quote beside them; "This according to X" attributes the sentences
/// before it. Hedges, figures, the time referred to and loaded framing words come from small lexicons.
/// </summary>
/// <remarks>Thread-safe and allocation-light; regexes are compiled once per instance (per catalog for source names).</remarks>
public sealed partial class LexicalClaimExtractor : IClaimExtractor
{
    // Each boundary with a word is searched for only when the sentence holds that word (None: always searched).
    private static readonly (string Text, bool Subordinate, SentenceKeywords Word)[] ClauseBoundaries =
    [
        (",”", false, SentenceKeywords.None), ("”,", false, SentenceKeywords.None), (",\"", false, SentenceKeywords.None),
        ("\",", false, SentenceKeywords.None), ("?”", false, SentenceKeywords.None), ("!”", false, SentenceKeywords.None),
        (";", false, SentenceKeywords.None), (": ", false, SentenceKeywords.None), (", but ", false, SentenceKeywords.ClauseBut),
        (" but ", false, SentenceKeywords.ClauseBut), (" that ", false, SentenceKeywords.ClauseThat), (" after ", true, SentenceKeywords.ClauseAfter),
        (" although ", true, SentenceKeywords.ClauseAlthough), (" though ", true, SentenceKeywords.ClauseThough),
        (" while ", true, SentenceKeywords.ClauseWhile), (" because ", true, SentenceKeywords.ClauseBecause),
        (" before ", true, SentenceKeywords.ClauseBefore), (" since ", true, SentenceKeywords.ClauseSince),
        (" when ", true, SentenceKeywords.ClauseWhen), (" whereas ", true, SentenceKeywords.ClauseWhereas),
        (" until ", true, SentenceKeywords.ClauseUntil), (" even as ", true, SentenceKeywords.ClauseEven),
    ];

    // Static arrays: a char[] literal in the call would be a new array per call.
    private static readonly char[] AccordingToStops = [',', ';', ':', '.', '(', '[', '\n'];
    private static readonly char[] WordEndMarks = ['’', '\'', '"', '”', ',', '.'];

    private static readonly SearchValues<char> BoundaryMarks = SearchValues.Create("”\";:");

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it" };

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "these", "those", "such", "breaking", "unconfirmed", "initial",
        "early", "conflicting", "new", "latest", "recent", "of", "several", "many", "some", "first", "to", "not",
    };

    private static readonly HashSet<string> PassiveAuxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "is", "are", "been", "being", "be",
    };

    private static readonly HashSet<string> LowercaseSubjectStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "some", "several", "many", "most", "other", "one", "two", "three", "four", "senior", "local",
        "unnamed", "opposition", "military", "security", "rebel", "government", "medical", "residents", "activists",
        "witnesses", "officials", "sources", "monitors", "analysts", "experts",
    };

    private static readonly HashSet<string> NonSubjectStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "who", "how", "why", "where", "this", "that", "there", "here", "we", "i", "you", "whoever",
    };

    // Span look-ups into the word sets, so reading a subject allocates no string per word.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounSpans = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonSubjectStartSpans = NonSubjectStarts.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LowercaseSubjectStartSpans = LowercaseSubjectStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    // What the subject prechecks below test for; each set lists every word its pattern can begin or end with.
    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> ParentheticalStarts = SearchValues.Create("-–—([");
    private const string TrailingJunk = " \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000,";
    private const string LeadJunk = " \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000,“”\"‘’";

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TrailingAdverbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "also", "earlier", "later", "initially", "previously", "again", "now", "then", "separately", "further", "too", "had", "has", "have",
        "would", "will", "did",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "but", "and", "however", "meanwhile", "yet", "so", "then", "earlier", "late", "early", "on", "later",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] CueLeadWords =
    [
        "according", "distributed", "released", "posted", "published", "issued", "aired", "broadcast", "circulated",
        "refused", "refuses", "declined", "declines", "denied", "denies", "deny", "rejected", "rejects", "dismissed",
        "dismisses", "refuted", "refutes", "accused", "accuses", "accuse", "blamed", "blames", "blame",
    ];

    private readonly Regex _cues;
    private readonly SearchValues<string> _cueWords;
    private readonly KeywordScanner _keywords;
    private readonly bool _scan;

    // One-word cues lower-cased once ("Said" -> "said"), so a cue costs no new strings; read-only after construction.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _oneWordCues;
    private readonly Regex? _loaded;
    private readonly SearchValues<string> _loadedWords;
    private readonly ConditionalWeakTable<SourceCatalog, SourceMatcher> _matchers = [];

    public LexicalClaimExtractor()
        : this(AttributionLexicon.Default)
    {
    }

    public LexicalClaimExtractor(AttributionLexicon lexicon)
        : this(lexicon, scan: true)
    {
    }

    /// <summary>
    /// With <paramref name="scan"/> false, every sentence runs every reader, as a sentence the keyword scan cannot read
    /// does (<see cref="SentenceKeywords.Unscanned"/>): what the scan must never change, for tests to compare with.
    /// </summary>
    internal LexicalClaimExtractor(AttributionLexicon lexicon, bool scan)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _scan = scan;
        // Every cue starts with one of these words, and every loaded term with its first word: a sentence holding none
        // of them (most sentences) skips the regex, and the others start it at the first such word.
        _cueWords = SearchValues.Create([.. CueLeadWords, .. lexicon.ReportingVerbs.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())], StringComparison.OrdinalIgnoreCase);
        _loadedWords = SearchValues.Create([.. lexicon.LoadedTerms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().Split(' ')[0])], StringComparison.OrdinalIgnoreCase);
        _keywords = new KeywordScanner([.. CueLeadWords, .. lexicon.ReportingVerbs], lexicon.LoadedTerms);
        var oneWordCues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cue in lexicon.ReportingVerbs.Concat(CueLeadWords))
        {
            var word = cue.Trim();
            if (word.Length > 0 && Ascii.IsValid(word) && word.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0)
            {
                oneWordCues.TryAdd(word, word);
            }
        }

        _oneWordCues = oneWordCues.GetAlternateLookup<ReadOnlySpan<char>>();
        var verbs = string.Join('|', lexicon.ReportingVerbs.Where(v => !string.IsNullOrWhiteSpace(v)).OrderByDescending(v => v.Length).Select(v => Regex.Escape(v.Trim())));
        _cues = new Regex(
            @"\baccording\s+to\b" +
            @"|\b(?:distributed|released|posted|published|issued|aired|broadcast|circulated)\s+(?:an?\s+|the\s+)?(?:video|footage|images?|photos?|pictures?|statement|audio|message|recording)(?:\s+online)?(?:\s+(?:that\s+)?(?:showed|shows|showing|saying|said|says))?\b" +
            @"|\b(?:refused|refuses|declined|declines)\s+to\s+(?:admit|confirm|acknowledge)\b" +
            @"|\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\b" +
            @"|\b(?:accused|accuses|accuse|blamed|blames|blame)\b" +
            (verbs.Length > 0 ? $@"|\b(?:{verbs})\b" : string.Empty),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        var loaded = string.Join('|', lexicon.LoadedTerms.Where(t => !string.IsNullOrWhiteSpace(t)).OrderByDescending(t => t.Length).Select(t => Regex.Escape(t.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
        _loaded = loaded.Length == 0 ? null : new Regex($@"(?<![\w-])(?:{loaded})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    private enum CueKind
    {
        Verb,
        Told,
        According,
        Material,
        Denied,
        Refused,
        Accuse,
    }

    /// <inheritdoc/>
    public IReadOnlyList<Claim> Extract(Article article, IReadOnlyList<Passage> passages, SourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(catalog);

        var matcher = _matchers.GetValue(catalog, static c => new SourceMatcher(c));
        var count = 0;
        foreach (var passage in passages)
        {
            count += passage.Sentences.Count;
        }

        var states = new SentenceState[count];
        var history = new List<AttributedSource>();
        var cueStarts = new List<int>();
        var numberWordStarts = new List<int>();
        var figureScratch = new List<(int, Figure)>();
        var k = 0;
        for (var p = 0; p < passages.Count; p++)
        {
            var isCaption = passages[p].Kind == PassageKind.Caption;
            // Indexed: saves an enumerator per passage.
            var sentences = passages[p].Sentences;
            for (var j = 0; j < sentences.Count; j++)
            {
                var sentence = sentences[j];
                List<AttributedSource>? others = null;
                var backward = false;
                var keywords = _scan ? _keywords.Scan(sentence.Text, cueStarts, numberWordStarts) : Unscanned(cueStarts, numberWordStarts);
                var source = (keywords & SentenceKeywords.Cue) == 0 ? null
                    : FindAttributions(sentence.Text, keywords, cueStarts, matcher, history, out others, out backward);

                // Figures are read here, while the scan's number word starts are at hand.
                var figures = FigureReader.Read(sentence.Text, keywords, numberWordStarts, figureScratch);
                states[k++] = new SentenceState(sentence, p, isCaption, keywords, source, others, backward, figures);
                if (!isCaption)
                {
                    if (source is not null)
                    {
                        history.Add(source);
                    }

                    if (others is not null)
                    {
                        history.AddRange(others);
                    }
                }
            }
        }

        InheritAcrossSentences(states);

        var published = article.Metadata.Published;
        var claims = new Claim[count];
        for (var i = 0; i < count; i++)
        {
            var state = states[i];
            var text = state.Sentence.Text;
            var keywords = state.Keywords;
            claims[i] = new Claim
            {
                SentenceIndex = state.Sentence.Index,
                Source = state.Source,
                // Typed as the interface, so no claim gets an empty list of its own.
                OtherSources = state.Others is null ? Array.Empty<AttributedSource>() : state.Others,
                Hedges = HedgeReader.Read(text, keywords),
                Figures = state.Figures,
                RefersTo = TimeReferenceResolver.Resolve(text, published, keywords),
                LoadedTerms = (keywords & SentenceKeywords.Loaded) == 0 ? Array.Empty<string>() : ReadLoadedTerms(text),
            };
        }

        return claims;
    }

    private static void InheritAcrossSentences(SentenceState[] states)
    {
        // "..., around 4,000 fighters are heading back. This according to a statement from X." attributes the
        // paragraph's earlier, unattributed sentences to X.
        for (var i = 0; i < states.Length; i++)
        {
            if (!states[i].Backward || states[i].Source is not { } source)
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && states[j].Passage == states[i].Passage && states[j].Source is null; j--)
            {
                states[j] = states[j] with { Source = source with { NamedInSentence = false } };
            }
        }

        // A quote opened and left open, whose speaker is named where the quote closes in the next sentence.
        for (var i = states.Length - 2; i >= 0; i--)
        {
            var next = states[i + 1];
            if (states[i].Source is null && !states[i].IsCaption && !next.IsCaption && next.Source is { } speaker
                && OpensQuote(states[i].Sentence.Text) && !ClosesQuote(states[i].Sentence.Text) && ClosesQuote(next.Sentence.Text))
            {
                states[i] = states[i] with { Source = speaker with { NamedInSentence = false } };
            }
        }

        // A quoted sentence or paragraph with no cue of its own continues the speaker of the quote before it.
        for (var i = 1; i < states.Length; i++)
        {
            if (states[i].Source is not null || states[i].IsCaption || !OpensQuote(states[i].Sentence.Text))
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && states[j].IsCaption)
            {
                j--;
            }

            if (j >= 0 && states[j].Source is { } speaker && ContainsQuote(states[j].Sentence.Text))
            {
                states[i] = states[i] with { Source = speaker with { NamedInSentence = false } };
            }
        }
    }

    private static SentenceKeywords Unscanned(List<int> cueStarts, List<int> numberWordStarts)
    {
        cueStarts.Clear();
        numberWordStarts.Clear();
        return SentenceKeywords.All;
    }

    private AttributedSource? FindAttributions(string text, SentenceKeywords keywords, List<int> cueStarts, SourceMatcher matcher, List<AttributedSource> history, out List<AttributedSource>? others, out bool backward)
    {
        others = null;
        backward = false;
        AttributedSource? main = null;
        var floor = 0;
        var knownStarts = _keywords.KnowsCueStarts && (keywords & SentenceKeywords.Unscanned) == 0;
        for (var m = NextCue(text, 0, knownStarts, cueStarts); m.Index >= 0; m = NextCue(text, m.Index + m.Length, knownStarts, cueStarts))
        {
            if (InsideQuote(text, m.Index))
            {
                continue;
            }

            var cue = text.AsSpan(m.Index, m.Length);
            var kind = Classify(cue);
            AttributedSource? found;
            var subordinate = false;
            if (kind == CueKind.According)
            {
                found = ReadAccordingTo(text, m.Index + m.Length, matcher);
                if (found is null)
                {
                    continue;
                }

                backward |= BackReferencePattern().IsMatch(text.AsSpan(0, m.Index + m.Length));
            }
            else
            {
                if (kind is CueKind.Verb or CueKind.Told && IsNotAVerbOfSaying(text, m.Index))
                {
                    continue;
                }

                found = ReadSubject(text, keywords, floor, m.Index, matcher, history, out subordinate);
                if (found is null)
                {
                    continue;
                }

                if (kind == CueKind.Told && ReadVia(text, m.Index + m.Length, matcher) is { } via)
                {
                    found = found with { Via = via };
                }
            }

            found = found with { Cue = IsAsciiLetters(cue) && _oneWordCues.TryGetValue(cue, out var lower) ? lower : NormaliseCue(cue.ToString()) };
            floor = m.Index + m.Length;
            if (subordinate || kind == CueKind.Refused || main is not null)
            {
                (others ??= []).Add(found);
            }
            else
            {
                main = found;
            }
        }

        return main;
    }

    private static CueKind Classify(ReadOnlySpan<char> c)
    {
        if (c.StartsWith("according", StringComparison.OrdinalIgnoreCase))
        {
            return CueKind.According;
        }

        if (c.StartsWith("refus", StringComparison.OrdinalIgnoreCase) || c.StartsWith("declin", StringComparison.OrdinalIgnoreCase))
        {
            return CueKind.Refused;
        }

        if (c.StartsWith("den", StringComparison.OrdinalIgnoreCase) || c.StartsWith("reject", StringComparison.OrdinalIgnoreCase)
            || c.StartsWith("dismiss", StringComparison.OrdinalIgnoreCase) || c.StartsWith("refut", StringComparison.OrdinalIgnoreCase))
        {
            return CueKind.Denied;
        }

        if (c.StartsWith("accus", StringComparison.OrdinalIgnoreCase) || c.StartsWith("blam", StringComparison.OrdinalIgnoreCase))
        {
            return CueKind.Accuse;
        }

        if (c.StartsWith("tel", StringComparison.OrdinalIgnoreCase) || c.StartsWith("told", StringComparison.OrdinalIgnoreCase))
        {
            return CueKind.Told;
        }

        return c.Contains(' ') ? CueKind.Material : CueKind.Verb;
    }

    private static bool IsNotAVerbOfSaying(string text, int cueIndex)
    {
        var previous = PreviousWord(text, cueIndex);
        return PassiveAuxiliaries.Contains(previous) || NounDeterminers.Contains(previous);
    }

    private static AttributedSource? ReadAccordingTo(string text, int from, SourceMatcher matcher)
    {
        var end = text.IndexOfAny(AccordingToStops, from);
        var obj = text[from..(end < 0 ? text.Length : end)].Trim();
        if (matcher.FindFirst(obj) is { } named)
        {
            return FromCatalog([named], namedInSentence: true);
        }

        return IsPhraseSubject(obj, null, out var phrase) && !VagueReportsPattern().IsMatch(phrase)
            ? new AttributedSource { Name = phrase, Kind = SourceKind.Unknown, NamedInSentence = true }
            : null;
    }

    private static AttributedSource? ReadSubject(string text, SentenceKeywords keywords, int floor, int cueIndex, SourceMatcher matcher, List<AttributedSource> history, out bool subordinate)
    {
        subordinate = false;
        var start = floor;
        var window = cueIndex - floor;
        if (window <= 0)
        {
            return null;
        }

        // The boundaries without a word all hold a quote mark, ';' or ':': a window with none of these skips their searches.
        var marks = text.AsSpan(floor, window).IndexOfAny(BoundaryMarks) >= 0;
        foreach (var (boundary, isSubordinate, word) in ClauseBoundaries)
        {
            if (word == SentenceKeywords.None ? !marks : (keywords & word) == 0)
            {
                continue;
            }

            var at = text.LastIndexOf(boundary, cueIndex - 1, window, StringComparison.Ordinal);
            if (at >= 0 && at + boundary.Length > start && at + boundary.Length <= cueIndex)
            {
                start = at + boundary.Length;
                subordinate = isSubordinate;
            }
        }

        var raw = text[start..cueIndex];
        if (start == 0 && LeadingSubordinatorPattern().IsMatch(raw))
        {
            subordinate = true;
            raw = LeadingSubordinatorPattern().Replace(raw, string.Empty, 1);
        }

        // Most subjects hold no dash or bracket, which every parenthetical needs.
        var clean = raw.AsSpan().IndexOfAny(ParentheticalStarts) < 0 ? raw : ParentheticalPattern().Replace(raw, " ");

        // A trailing attribution ("..., a local doctor said") has its subject after the last comma, unless the span
        // ends in an appositive ("Rami Abdel Rahman, director of the observatory, told").
        var segmentStart = 0;
        if (!clean.AsSpan().TrimEnd().EndsWith(","))
        {
            segmentStart = clean.LastIndexOf(',') + 1;
        }

        var matches = matcher.Find(clean);
        for (var i = matches.Count - 1; i >= 0 && matches[i].Index >= segmentStart; i--)
        {
            var (index, length, _) = matches[i];
            if (TailPattern().IsMatch(clean.AsSpan(index + length)))
            {
                return FromCatalog(Coordinated(clean, matches, i), namedInSentence: true);
            }
        }

        // A loop, not FindIndex: saves a closure and a delegate per subject.
        var firstInSegment = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i].Index >= segmentStart)
            {
                firstInSegment = i;
                break;
            }
        }

        if (firstInSegment >= 0 && HeadPattern().IsMatch(clean.AsSpan(segmentStart, matches[firstInSegment].Index - segmentStart)))
        {
            return FromCatalog(Coordinated(clean, matches, firstInSegment), namedInSentence: true);
        }

        // Read on a span; the trimmed text becomes a string only for a pronoun subject.
        var withoutAdverbs = WithoutTrailingAdverbs(clean);
        var trimmedSpan = withoutAdverbs.AsSpan().TrimEnd(" ,\u00a0\n");
        if (PronounSpans.Contains(LastWordSpan(trimmedSpan)))
        {
            // "what it says were" is a hedge, not a new speaker.
            var words = trimmedSpan.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && NonSubjectStarts.Contains(words[^2]))
            {
                return null;
            }

            // "he said"; "regime ally Hezbollah ... as it claimed": the nearest source named earlier in the sentence,
            // else the article's last source.
            var before = text[..start];
            var earlier = LastOutsideQuotes(before, matcher.Find(before)) ?? (matches.Count > 0 ? matches[^1].Source : null);
            if (earlier is not null)
            {
                return FromCatalog([earlier], namedInSentence: true);
            }

            return history.Count > 0 ? history[^1] with { NamedInSentence = false } : null;
        }

        if (!IsPhraseSubject(clean, withoutAdverbs, out var phrase))
        {
            return null;
        }

        var firstWord = FirstWord(phrase);
        if (VagueReportsPattern().IsMatch(phrase))
        {
            return null;
        }

        if (firstWord.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            // "The commander said ...": the earlier source whose name carries the same head noun.
            var headNoun = LastWord(phrase);
            for (var h = history.Count - 1; h >= 0; h--)
            {
                if (ContainsWord(history[h].Name, headNoun))
                {
                    return history[h] with { NamedInSentence = false };
                }
            }
        }

        return new AttributedSource { Name = phrase, Kind = SourceKind.Unknown, NamedInSentence = true };
    }

    private static NamedSource? LastOutsideQuotes(string text, List<(int Index, int Length, NamedSource Source)> mentions)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            if (!InsideQuote(text, mentions[i].Index))
            {
                return mentions[i].Source;
            }
        }

        return null;
    }

    private static List<NamedSource> Coordinated(string clean, List<(int Index, int Length, NamedSource Source)> matches, int chosen)
    {
        var first = chosen;
        while (first > 0 && IsConjunction(clean.AsSpan(matches[first - 1].Index + matches[first - 1].Length, matches[first].Index - matches[first - 1].Index - matches[first - 1].Length)))
        {
            first--;
        }

        var last = chosen;
        while (last + 1 < matches.Count && IsConjunction(clean.AsSpan(matches[last].Index + matches[last].Length, matches[last + 1].Index - matches[last].Index - matches[last].Length)))
        {
            last++;
        }

        var sources = new List<NamedSource>(last - first + 1);
        for (var i = first; i <= last; i++)
        {
            if (!sources.Contains(matches[i].Source))
            {
                sources.Add(matches[i].Source);
            }
        }

        return sources;
    }

    private static bool IsConjunction(ReadOnlySpan<char> between)
    {
        var t = between.Trim();
        return t is "and" or "," or ", and" or "&";
    }

    private static AttributedSource FromCatalog(List<NamedSource> sources, bool namedInSentence)
    {
        var name = sources.Count switch
        {
            1 => sources[0].Name,
            2 => $"{sources[0].Name} and {sources[1].Name}",
            _ => string.Join(", ", sources.Take(sources.Count - 1).Select(s => s.Name)) + " and " + sources[^1].Name,
        };

        // A claim several sources make together rests on the independent one when there is one.
        var kind = sources.FirstOrDefault(s => !s.IsParty)?.Kind ?? sources[0].Kind;
        return new AttributedSource { Name = name, Kind = kind, NamedInSentence = namedInSentence };
    }

    /// <param name="clean">The subject text.</param>
    /// <param name="cleanWithoutAdverbs"><see cref="WithoutTrailingAdverbs"/> of <paramref name="clean"/> when the caller has it, which saves reading it again.</param>
    /// <param name="phrase">The subject phrase when it is one.</param>
    private static bool IsPhraseSubject(string clean, string? cleanWithoutAdverbs, out string phrase)
    {
        var candidate = MayStartWithLead(clean) ? LeadPattern().Replace(clean, string.Empty, 1) : clean;
        candidate = ReferenceEquals(candidate, clean) && cleanWithoutAdverbs is not null ? cleanWithoutAdverbs : WithoutTrailingAdverbs(candidate);
        // Read on spans; the phrase becomes a string only when it is a subject.
        phrase = string.Empty;
        var span = candidate.AsSpan();
        var appositive = span.TrimEnd().EndsWith(',');
        span = span.Trim().Trim(", ").Trim("“”\"‘’ \u00a0\n\r\t");
        if (!appositive)
        {
            var comma = span.LastIndexOf(',');
            if (comma >= 0)
            {
                span = span[(comma + 1)..].Trim();
            }
        }

        // Whitespace runs become one space; most candidates have none to collapse.
        var joined = !TextBlocks.IsNormal(span) ? string.Join(' ', span.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
        var collapsed = joined is null ? span : joined.AsSpan();
        if (collapsed.Length == 0 || !char.IsLetter(collapsed[0]))
        {
            return false;
        }

        var words = collapsed.Count(' ') + 1;
        var space = collapsed.IndexOf(' ');
        var first = space < 0 ? collapsed : collapsed[..space];
        if (words > 12 || NonSubjectStartSpans.Contains(first))
        {
            return false;
        }

        if (!char.IsUpper(collapsed[0]) && !PronounSpans.Contains(collapsed) && !LowercaseSubjectStartSpans.Contains(first))
        {
            return false;
        }

        phrase = joined ?? (span.Length == candidate.Length ? candidate : span.ToString());
        return true;
    }

    /// <summary>
    /// <see cref="TrailingAdverbPattern"/> removed, run only when the text's last word can end a match: an adverb of the
    /// list, or a word after "on". The pattern is anchored at the end but the engine tries it from every position, so
    /// this test saves a scan of the whole subject in most sentences.
    /// </summary>
    private static string WithoutTrailingAdverbs(string text)
    {
        var end = text.AsSpan().TrimEnd(TrailingJunk).Length;
        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        if (start > 0 && !char.IsAscii(text[start - 1]) || start == end)
        {
            // A word character outside ASCII or none at all: let the pattern decide.
            return TrailingAdverbPattern().Replace(text, string.Empty, 1);
        }

        if (!TrailingAdverbs.Contains(text.AsSpan(start, end - start)))
        {
            var before = text.AsSpan(0, start).TrimEnd();
            if (before.Length == start || !(before.EndsWith("on", StringComparison.OrdinalIgnoreCase) && (before.Length == 2 || !char.IsAsciiLetterOrDigit(before[^3]))))
            {
                return text;
            }
        }

        return TrailingAdverbPattern().Replace(text, string.Empty, 1);
    }

    /// <summary>False when the first word of <paramref name="text"/> cannot start <see cref="LeadPattern"/>.</summary>
    private static bool MayStartWithLead(string text)
    {
        var span = text.AsSpan().TrimStart(LeadJunk);
        var length = 0;
        while (length < span.Length && char.IsAsciiLetter(span[length]))
        {
            length++;
        }

        return length == 0 || (length < span.Length && !char.IsAscii(span[length])) || LeadWords.Contains(span[..length]);
    }

    private static string? ReadVia(string text, int from, SourceMatcher matcher)
    {
        var pos = from;
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }

        if (matcher.MatchAt(text, pos) is { } hit)
        {
            return hit.Source.Name;
        }

        // An outlet the catalog does not list: the run of capitalised words ("told The Guardian").
        var end = pos;
        while (end < text.Length)
        {
            var wordEnd = end;
            while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] is '-' or '\'' or '’'))
            {
                wordEnd++;
            }

            if (wordEnd == end || !(char.IsUpper(text[end]) || text.AsSpan(end, wordEnd - end).StartsWith("al-", StringComparison.Ordinal)))
            {
                break;
            }

            end = wordEnd;
            if (end < text.Length && text[end] == ' ' && end + 1 < text.Length && char.IsUpper(text[end + 1]))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end > pos ? text[pos..end].Trim() : null;
    }

    private IReadOnlyList<string> ReadLoadedTerms(string text)
    {
        if (_loaded is null)
        {
            return Array.Empty<string>();
        }

        var m = NextMatch(_loaded, _loadedWords, text, 0);
        if (!m.Success)
        {
            return Array.Empty<string>();
        }

        var terms = new List<string>(2);
        for (; m.Success; m = NextMatch(_loaded, _loadedWords, text, m.Index + m.Length))
        {
            if (!terms.Contains(m.Value, StringComparer.OrdinalIgnoreCase))
            {
                terms.Add(m.Value);
            }
        }

        return terms;
    }

    /// <summary>
    /// Where the next cue at or after <paramref name="from"/> starts and how long it is; index -1 when there is none. Every cue
    /// starts with a whole cue word, so with the sentence's cue words known the regex starts at the first one (the same
    /// leftmost match as from <paramref name="from"/>), or does not run. A value match, not a Match: saves a Match object and
    /// the cue's string per cue.
    /// </summary>
    private (int Index, int Length) NextCue(string text, int from, bool knownStarts, List<int> cueStarts)
    {
        if (!knownStarts)
        {
            var lead = NextLead(_cueWords, text, from);
            return lead < 0 ? (-1, 0) : FirstMatch(_cues, text, lead);
        }

        foreach (var start in cueStarts)
        {
            if (start >= from)
            {
                return FirstMatch(_cues, text, start);
            }
        }

        return (-1, 0);
    }

    private static (int Index, int Length) FirstMatch(Regex pattern, string text, int from)
    {
        foreach (var m in pattern.EnumerateMatches(text.AsSpan(), from))
        {
            return (m.Index, m.Length);
        }

        return (-1, 0);
    }

    /// <summary>
    /// The next match of <paramref name="pattern"/> at or after <paramref name="from"/>, as <c>NextMatch</c> would give it
    /// (the pattern never matches empty text), but started at the first word a match can begin with, or not run at all.
    /// </summary>
    private static Match NextMatch(Regex pattern, SearchValues<string> leadWords, string text, int from)
    {
        var lead = NextLead(leadWords, text, from);
        return lead < 0 ? Match.Empty : pattern.Match(text, lead);
    }

    /// <summary>Where a match at or after <paramref name="from"/> can first begin: at the next lead word, or -1 when none can.</summary>
    private static int NextLead(SearchValues<string> leadWords, string text, int from)
    {
        if (from > text.Length)
        {
            return -1;
        }

        var span = text.AsSpan();
        if (span.IndexOfAny(KeywordScanner.CaseFoldingOddities) < 0)
        {
            var at = span[from..].IndexOfAny(leadWords);
            return at < 0 ? -1 : from + at;
        }

        return from;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(AsciiLetters) < 0;

    private static string NormaliseCue(string cue) => string.Join(' ', cue.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>True when <paramref name="index"/> falls inside a direct quotation.</summary>
    internal static bool InsideQuote(string text, int index)
    {
        var curly = 0;
        var plain = 0;
        var firstClose = text.IndexOf('”', StringComparison.Ordinal);
        var firstOpen = text.IndexOf('“', StringComparison.Ordinal);
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen) && index < firstClose)
        {
            // The sentence continues a quote opened before it.
            return true;
        }

        for (var i = 0; i < index && i < text.Length; i++)
        {
            switch (text[i])
            {
                case '“':
                    curly++;
                    break;
                case '”':
                    curly = Math.Max(0, curly - 1);
                    break;
                case '"':
                    plain++;
                    break;
            }
        }

        return curly > 0 || plain % 2 == 1;
    }

    private static bool OpensQuote(string text)
    {
        var t = text.AsSpan().TrimStart();
        return t.Length > 0 && t[0] is '“' or '"' or '‘';
    }

    private static bool ClosesQuote(string text) => text.Contains('”', StringComparison.Ordinal) || text.AsSpan().Count('"') % 2 == 0 && text.Contains('"', StringComparison.Ordinal);

    private static bool ContainsQuote(string text) => text.AsSpan().IndexOfAny("“”\"") >= 0;

    private static string PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return text[start..end];
    }

    private static ReadOnlySpan<char> FirstWord(string phrase)
    {
        var space = phrase.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? phrase : phrase.AsSpan(0, space);
    }

    private static ReadOnlySpan<char> LastWordSpan(ReadOnlySpan<char> phrase) => phrase[(phrase.LastIndexOf(' ') + 1)..].Trim(WordEndMarks);

    private static string LastWord(string phrase) => LastWordSpan(phrase).ToString();

    private static bool ContainsWord(string text, string word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        var at = Ascii.IsValid(text) && Ascii.IsValid(word) ? AsciiIndexOfIgnoreCase(text, word) : text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || !char.IsLetter(text[at - 1]));
    }

    /// <summary>
    /// <c>IndexOf(word, OrdinalIgnoreCase)</c> for ASCII text and word: a vectorised search for the first letter in either case,
    /// then a comparison, instead of the invariant-mode search that compares at every position (the history look-up of
    /// "the commander said" runs it once per earlier source).
    /// </summary>
    private static int AsciiIndexOfIgnoreCase(string text, string word)
    {
        var lower = char.ToLowerInvariant(word[0]);
        var upper = char.ToUpperInvariant(word[0]);
        var last = text.Length - word.Length;
        for (var i = 0; i <= last; i++)
        {
            var next = text.AsSpan(i, last - i + 1).IndexOfAny(lower, upper);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (Ascii.EqualsIgnoreCase(text.AsSpan(i, word.Length), word))
            {
                return i;
            }
        }

        return -1;
    }

    // A struct in one array per article: saves an object per sentence and per inherited source.
    private readonly record struct SentenceState(Sentence Sentence, int Passage, bool IsCaption, SentenceKeywords Keywords, AttributedSource? Source, List<AttributedSource>? Others, bool Backward, IReadOnlyList<Figure> Figures);

    [GeneratedRegex(@"^\W*(?:this|that|these|all\s+this)(?:\s+is|\s+was|['’]s|\s+comes|\s+came)?\s+according\s+to$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackReferencePattern();

    [GeneratedRegex(@"\s[-–—]\s[^-–—]*?\s[-–—](?=\s)|\([^)]*\)|\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex ParentheticalPattern();

    [GeneratedRegex(@"^[\s,“”""‘’]*(?:(?:also|earlier|later|initially|previously|again|now|then|separately|further|too|late|early|on\s+\w+|in\s+a\s+statement|this\s+week|last\s+week|on\s+its\s+website|online|had|has|have|would|will|did)\b[\s,“”""‘’]*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TailPattern();

    [GeneratedRegex(@"^[\s,“”""‘’]*(?:(?:but|and|however|meanwhile|also|yet|so|then|earlier|later|on\s+\w+|the|a|an)\b[\s,“”""‘’]*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"^[\s,“”""‘’]*(?:(?:but|and|however|meanwhile|yet|so|then|(?:earlier\s+|late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|earlier|later)\b[\s,]*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadPattern();

    [GeneratedRegex(@"(?:\s+(?:also|earlier|later|initially|previously|again|now|then|separately|further|too|had|has|have|would|will|did|(?:earlier\s+)?on\s+\w+))+\s*,?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAdverbPattern();

    [GeneratedRegex(@"^(?:while|after|although|though|because|before|since|when|whereas|even\s+as)\b[\s,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSubordinatorPattern();

    [GeneratedRegex(@"^(?:(?:breaking|media|news|some|other|unconfirmed|initial|early|several|local|press)\s+)*(?:reports?|reporting|sources)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VagueReportsPattern();
}
