using System.Buffers;
using System.Text.RegularExpressions;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Attribution;

/// <summary>
/// What the dispute rules need to know about one evidence sentence, worked out once per question: who asserts it in
/// neutral words, its topical terms (spelling variants and near-synonyms folded: road = highway, slain = killed), its
/// date, and the stance cues it carries (an absolute claim, a limiting one, a halt, a report of attacks); the terms
/// and the cues are read when a rule first asks for them. Not thread-safe: one instance belongs to one detection.
/// </summary>
internal sealed partial class EvidenceFacts
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "that",
        "this", "these", "those", "it", "its", "they", "their", "them", "he", "she", "his", "her", "we", "our", "you",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "may", "might", "should", "shall", "not", "no", "than", "then", "there", "here", "which", "who",
        "whom", "what", "when", "where", "why", "how", "into", "onto", "about", "after", "before", "over", "under",
        "also", "just", "only", "even", "still", "both", "all", "any", "some", "such", "more", "most", "other", "into",
        "said", "say", "says", "told", "tell", "report", "reported", "reports", "according", "claim", "claimed",
        "claims", "statement", "while", "as", "if", "so", "up", "out", "off", "down", "very", "much", "many", "new",
        "one", "two", "three", "four", "five", "ten", "least", "near", "around", "since", "until", "during", "between",
        "did", "does", "doing", "done", "get", "got", "became", "become", "make", "made", "made", "take", "took",
        "syria", "syrian", "regime", "government", "force", "forces", "military", "city", "province", "area", "country",
        "people", "part", "parts", "way", "day", "days", "week", "year", "time", "friday", "thursday", "monday",
        "tuesday", "wednesday", "saturday", "sunday", "yesterday", "today", "earlier", "later", "overnight", "s",
        "allied", "ally", "allies", "side", "sides", "number", "several", "per", "cent", "percent", "whether", "happen",
        "happened", "many", "much", "close", "did", "what", "who", "via",
    };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["road"] = "highway", ["roads"] = "highway", ["route"] = "highway", ["highways"] = "highway",
        ["killed"] = "losses", ["kill"] = "losses", ["killing"] = "losses", ["slain"] = "losses", ["dead"] = "losses",
        ["died"] = "losses", ["death"] = "losses", ["deaths"] = "losses", ["casualties"] = "losses", ["toll"] = "losses",
        ["loss"] = "losses", ["losses"] = "losses",
        ["ceased"] = "ceasefire", ["cease"] = "ceasefire", ["halt"] = "ceasefire", ["halted"] = "ceasefire",
        ["stopped"] = "ceasefire", ["stop"] = "ceasefire", ["suspended"] = "ceasefire", ["suspend"] = "ceasefire",
        ["truce"] = "ceasefire", ["paused"] = "ceasefire", ["pause"] = "ceasefire",
        ["attacks"] = "attack", ["strikes"] = "attack", ["strike"] = "attack", ["airstrikes"] = "attack",
        ["airstrike"] = "attack", ["bombing"] = "attack", ["bombed"] = "attack", ["bombardment"] = "attack",
        ["bombarded"] = "attack", ["shelling"] = "attack", ["shelled"] = "attack", ["raids"] = "attack", ["raid"] = "attack",
        ["moscow"] = "russia", ["kremlin"] = "russia", ["russian"] = "russia", ["russians"] = "russia",
        ["isis"] = "islamic", ["isil"] = "islamic", ["daesh"] = "islamic",
        ["troops"] = "troops", ["soldiers"] = "troops", ["soldier"] = "troops",
        ["fighters"] = "fighters", ["militants"] = "fighters", ["fighter"] = "fighters",
        ["captured"] = "captured", ["seized"] = "captured", ["retaken"] = "captured", ["recaptured"] = "captured",
        ["retake"] = "captured", ["took"] = "captured", ["secured"] = "captured",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SynonymLookup = Synonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ContestedOutcomes = new(StringComparer.Ordinal) { "losses", "captured" };

    public EvidenceFacts(int index, EvidenceSentence evidence)
    {
        Index = index;
        Evidence = evidence;
        Text = !TextBlocks.IsNormal(evidence.Sentence.Text) ? WhitespacePattern().Replace(evidence.Sentence.Text, " ") : evidence.Sentence.Text;
        var claim = evidence.Claim;
        Source = claim.Source;
        Asserter = claim.Source ?? claim.OtherSources.FirstOrDefault(o => !IsDenialCue(o.Cue));
        Claimant = NameOf(Source, evidence.Article.Outlet);
        AsserterName = NameOf(Asserter, evidence.Article.Outlet);
        IsParty = Source is { } s && IsPartyKind(s.Kind);
        Date = claim.RefersTo ?? evidence.Article.Published;
    }

    public int Index { get; }

    public EvidenceSentence Evidence { get; }

    public string Text { get; }

    public AttributedSource? Source { get; }

    /// <summary>The source, else the party a clause of the sentence reports ("after Moscow declared that ...").</summary>
    public AttributedSource? Asserter { get; }

    public string Claimant { get; }

    // The keys are built on first use: only the pairs a rule gets to compare need them (saves two strings per sentence).
    private string? _claimantKey;
    private string? _asserterKey;

    public string ClaimantKey => _claimantKey ??= Source?.Name ?? "outlet:" + Evidence.Article.Outlet;

    public string AsserterName { get; }

    public string AsserterKey => _asserterKey ??= Asserter?.Name ?? "outlet:" + Evidence.Article.Outlet;

    public bool IsParty { get; }

    public DateOnly? Date { get; }

    // Read on first use too: a rule pairs a sentence by keys, dates and stance cues first, so many sentences of a
    // question's evidence never need their terms (saves the word scan and two sets per such sentence).
    private HashSet<string>? _terms;
    private HashSet<string>? _entities;

    public HashSet<string> Terms => _terms ?? ReadOwnTerms().Terms;

    public HashSet<string> Entities => _entities ?? ReadOwnTerms().Entities;

    // One word scan fills both sets, whichever a rule asks for first.
    private (HashSet<string> Terms, HashSet<string> Entities) ReadOwnTerms()
    {
        _terms = ReadTerms(Text, out var entities);
        _entities = entities;
        return (_terms, _entities);
    }

    // The stance cues below are read on first use, not in the constructor: most rules look at a few of them for a few
    // sentences, so this saves most of the ten pattern scans per evidence sentence a question used to cost.
    private bool? _limiting;
    private bool? _absolute;
    private bool? _mentionsCessation;
    private bool? _attackReport;
    private bool? _intent;
    private bool? _contested;
    private bool _materialRead;
    private string? _material;
    private IReadOnlyList<Figure>? _countedFigures;

    // The claim is looked for before its limit (the same answer either way): every sentence is asked whether it is
    // absolute or a halt and few are, so the long limiting scan now runs only for those few.
    public bool Absolute => _absolute ??= AbsolutePattern().IsMatch(Text) && !Limiting;

    public bool Limiting => _limiting ??= LimitingPattern().IsMatch(Text);

    public bool Cessation => MentionsCessation && !Limiting;

    public bool AttackReport => _attackReport ??= !MentionsCessation && AttackPattern().IsMatch(Text);

    public bool Intent => _intent ??= IntentPattern().IsMatch(Text);

    public string? Material
    {
        get
        {
            if (!_materialRead)
            {
                _material = MaterialPattern().Match(Text) is { Success: true } material ? material.Value.ToLowerInvariant() : null;
                _materialRead = true;
            }

            return _material;
        }
    }

    public bool Contested => _contested ??= Material is not null || Evidence.Claim.Hedges.Any(h => h.Kind == HedgeKind.Claimed)
        || Evidence.Claim.Figures.Any(f => f.Counts is not null) || Terms.Overlaps(ContestedOutcomes) || OutcomePattern().IsMatch(Text);

    /// <summary>
    /// Figures counting what happened to whom, unless the sentence gives a subset ("four children were among the
    /// dead", "twelve other people") or a running total over a span ("in the past 11 days"): not an event's toll.
    /// </summary>
    public IReadOnlyList<Figure> CountedFigures => _countedFigures ??= CountFigures();

    private bool MentionsCessation => _mentionsCessation ??= CessationPattern().IsMatch(Text);

    // The subset and span patterns run only for a sentence with a counted figure (few are).
    private IReadOnlyList<Figure> CountFigures()
    {
        var figures = Evidence.Claim.Figures;
        if (!figures.Any(f => f.Counts is not null && f.Unit is not null) || IsSubset(Text) || SpanPattern().IsMatch(Text))
        {
            return [];
        }

        return [.. figures.Where(f => f.Counts is not null && f.Unit is not null)];
    }

    // The subset pattern has no literal start to search for ("\w+ other"), so its scan tries every word; it can only
    // match where one of these words is, which one vectorised search finds ("ncluding": no 'i', whose case-insensitive
    // match may depend on the culture).
    private static readonly SearchValues<string> SubsetWords = SearchValues.Create(["among", "other", "ncluding"], StringComparison.OrdinalIgnoreCase);

    private static bool IsSubset(string text) => text.AsSpan().ContainsAny(SubsetWords) && SubsetPattern().IsMatch(text);

    public bool IsHedged(HedgeKind kind) => Evidence.Claim.Hedges.Any(h => h.Kind == kind);

    /// <summary>Close enough in the reporting to be about the same thing: nearby in one article, or same days and places.</summary>
    public bool SharesContextWith(EvidenceFacts other)
    {
        if (Evidence.Article.Id == other.Evidence.Article.Id)
        {
            return Math.Abs(Evidence.Hit.Passage.Ordinal - other.Evidence.Hit.Passage.Ordinal) <= 3;
        }

        return Date is { } a && other.Date is { } b && Math.Abs(a.DayNumber - b.DayNumber) <= 2 && Entities.Overlaps(other.Entities);
    }

    /// <summary>Looser than <see cref="SharesContextWith"/>: anywhere in one article, or the same days and places.</summary>
    public bool SharesStoryWith(EvidenceFacts other) =>
        Evidence.Article.Id == other.Evidence.Article.Id
        || (Date is { } a && other.Date is { } b && Math.Abs(a.DayNumber - b.DayNumber) <= 2 && Entities.Overlaps(other.Entities));

    public int SharedTerms(EvidenceFacts other)
    {
        var n = 0;
        foreach (var t in Terms)
        {
            if (other.Terms.Contains(t))
            {
                n++;
            }
        }

        return n;
    }

    public static HashSet<string> ReadTerms(string text, out HashSet<string> entities)
    {
        // Sized for about one term per eight characters, so a sentence's sets are not regrown word by word.
        var terms = new HashSet<string>(text.Length / 8, StringComparer.Ordinal);
        entities = new HashSet<string>(text.Length / 32, StringComparer.Ordinal);
        var first = true;
        Span<char> buffer = stackalloc char[64];
        foreach (var m in WordPattern().EnumerateMatches(text))
        {
            var word = text.AsSpan(m.Index, m.Length);
            var isEntity = !first && char.IsUpper(word[0]);
            first = false;
            if (word is "IS")
            {
                terms.Add("islamic");
                entities.Add("islamic");
                continue;
            }

            while (word.Length > 0)
            {
                var hyphen = word.IndexOf('-');
                var part = hyphen < 0 ? word : word[..hyphen];
                word = hyphen < 0 ? [] : word[(hyphen + 1)..];
                if (part.Length < 3 || part.Length > buffer.Length)
                {
                    continue;
                }

                var lower = buffer[..part.ToLowerInvariant(buffer)];
                if (Normalise(lower) is { } term)
                {
                    terms.Add(term);
                    if (isEntity)
                    {
                        entities.Add(term);
                    }
                }
            }
        }

        return terms;
    }

    private static string? Normalise(ReadOnlySpan<char> w)
    {
        if (w.EndsWith("'s") || w.EndsWith("’s"))
        {
            w = w[..^2];
        }

        w = w.Trim("'’");
        if (w.Length < 3 || StopLookup.Contains(w))
        {
            return null;
        }

        if (SynonymLookup.TryGetValue(w, out var canonical))
        {
            return canonical;
        }

        string stemmed;
        if (w.Length > 4 && w.EndsWith("ies"))
        {
            stemmed = string.Concat(w[..^3], "y");
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss"))
        {
            w = w[..^1];
            if (StopLookup.Contains(w))
            {
                return null;
            }

            stemmed = w.ToString();
        }
        else
        {
            stemmed = w.ToString();
        }

        return stemmed;
    }

    public static string NameOf(AttributedSource? source, string outlet) => source switch
    {
        null => outlet,
        { Via: { } via, Kind: SourceKind.Unnamed or SourceKind.Unknown } => $"{source.Name} speaking to {via}",
        _ => source.Name,
    };

    public static bool IsPartyKind(SourceKind kind) => kind is SourceKind.ArmedGroup or SourceKind.ArmedGroupMedia or SourceKind.Government;

    public static bool IsDenialCue(string? cue) => cue is not null
        && (cue.StartsWith("den", StringComparison.Ordinal) || cue.StartsWith("refus", StringComparison.Ordinal)
            || cue.StartsWith("declin", StringComparison.Ordinal) || cue.StartsWith("reject", StringComparison.Ordinal)
            || cue.StartsWith("dismiss", StringComparison.Ordinal) || cue.StartsWith("refut", StringComparison.Ordinal));

    public static bool IsAccusationCue(string? cue) => cue is not null
        && (cue.StartsWith("accus", StringComparison.Ordinal) || cue.StartsWith("blam", StringComparison.Ordinal));

    [GeneratedRegex(@"\bamong\s+(?:the\s+)?(?:dead|killed|victims|casualties|wounded)\b|\b(?:\d[\d,]*|\w+)\s+other\s+\w+|\bincluding\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex SubsetPattern();

    [GeneratedRegex(@"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\d+|\w+)\s+(?:days|weeks|months|years)\b|\bsince\s+the\s+(?:start|beginning)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex WordPattern();

    // A claim of complete control or a full stop: "completely secured", "had been retaken", "ceased fire".
    [GeneratedRegex(@"\b(?:completely|fully|totally|entirely)\b|\b(?:secured|retaken|recaptured|cleared|ceased|halted|stopped|ended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AbsolutePattern();

    // A limit, qualification or contradiction of such a claim: "only when", "suspended", "not completely", "still fighting to recover".
    [GeneratedRegex(@"\bonly\s+(?:when|if|partially|partly|in\s+part|briefly|temporarily|at\s+night)\b|\bused\s+only\b|\bsuspended\b|\btemporar(?:y|ily)\b|\bpartial(?:ly)?\b|\bnot\s+(?:\w+\s+){0,4}?(?:completely|fully|entirely|totally)\b|\bdid\s+not\s+say\b|\b(?:fighting|trying|attempting|struggling)\s+to\s+(?:recover|retake|regain|hold)\b|\bcontinued?\s+to\s+(?:attack|strike|bomb|shell|fight)\b|\brather\s+than\b", RegexOptions.IgnoreCase)]
    private static partial Regex LimitingPattern();

    [GeneratedRegex(@"\bceased?\s+fire\b|\bcease-?fire\b|\b(?:halt|halted|stopped|ended|truce)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CessationPattern();

    [GeneratedRegex(@"\b(?:attacks?|strikes|air\s*strikes|airstrikes|shelling|shell\s+fire|bombardment|bombarded|bombing|bombed|raids|shelled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AttackPattern();

    // A party stating its own position or intent: "will continue", "maintains it is", "plans to".
    [GeneratedRegex(@"\b(?:will|would|plans?\s+to|intends?\s+to|aims?\s+to|vowed?\s+to|maintains?\s+(?:it|that))\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntentPattern();

    [GeneratedRegex(@"\b(?:video|footage|image|images|photo|photos|picture|pictures|recording)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaterialPattern();

    [GeneratedRegex(@"\b(?:captured|seized|retaken|recaptured|secured|fallen|fled|fleeing|killed|slain|destroyed|shot\s+down|broken|repelled|foiled|overran|overrun|took\s+control)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomePattern();
}
