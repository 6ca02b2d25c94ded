using ChatBot.Core.Analysis;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>
/// Scores each evidence sentence against a question: the weighted share of the question's terms it contains
/// (names weigh double; a name found just before it in the same passage or in the headline counts half, since
/// "the desert city" after "Palmyra" is still about Palmyra), plus credit when it has the shape the question asks
/// for (a figure for "how many", a distance for "how close", a source for "who said").
/// </summary>
/// <remarks>Thread-safe and pure.</remarks>
public sealed partial class SentenceScorer
{
    /// <summary>The share of the question a sentence must cover to be used.</summary>
    public const double MinimumScore = 0.5;

    /// <summary>Covering this many of a question's content terms counts as covering them all.</summary>
    public const int SaturatingTerms = 3;

    private static readonly HashSet<string> DistanceUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter", "meters",
    };

    private readonly ITextAnalyzer _analyzer;
    private readonly HashSet<string> _controlTerms;
    private readonly Func<string, IReadOnlyList<string>> _analyzerTerms;

    public SentenceScorer(ITextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _analyzerTerms = analyzer.Terms;
        _controlTerms = new HashSet<string>(QuestionReader.ControlWords.SelectMany(analyzer.Terms), StringComparer.Ordinal);
    }

    public IReadOnlyList<ScoredSentence> Score(QuestionFocus focus, IReadOnlyList<PassageHit> hits)
    {
        ArgumentNullException.ThrowIfNull(focus);
        ArgumentNullException.ThrowIfNull(hits);

        var scored = new List<ScoredSentence>();
        foreach (var hit in hits)
        {
            // What a reader has in mind: the sub-headline in force and the sentences just before (near), and, further
            // off, the article's headline. Both are looked up only for a name the sentence itself lacks.
            var nearby = new Surroundings(_analyzer, hit, scored, scored.Count);
            for (var i = 0; i < hit.Passage.Sentences.Count; i++)
            {
                var sentence = hit.Passage.Sentences[i];
                var claim = i < hit.Claims.Count ? hit.Claims[i] : new Attribution.Claim { SentenceIndex = sentence.Index };
                var evidence = new EvidenceSentence(hit, sentence, claim);
                var terms = new HashSet<string>(_analyzer.Terms(sentence.Text), StringComparer.Ordinal);
                // Asked what someone said, a sentence on their word counts as naming them, even when another sentence
                // does ("The commander said ..." after "A commander ... told Reuters").
                var source = focus.AboutWhatWasSaid && claim.Source is { } cited ? _analyzer.Terms($"{cited.Name} {cited.Via}") : [];
                scored.Add(ScoreOne(focus, evidence, terms, source, ref nearby));
            }
        }

        return scored;
    }

    /// <summary>
    /// Half the score is the share of the question's names the sentence mentions (a name just before it counts half,
    /// one only in the article's headline a quarter); half is how much of the rest it covers, saturating at
    /// <see cref="SaturatingTerms"/> terms so a long question is not held against a sentence that plainly answers it.
    /// The shape the question asks for counts as one term.
    /// </summary>
    private ScoredSentence ScoreOne(QuestionFocus focus, EvidenceSentence evidence, HashSet<string> terms,
        IReadOnlyList<string> source, ref Surroundings nearby)
    {
        double entityTotal = 0, entityMatched = 0, contentTotal = 0, contentMatched = 0;
        var saysWhatWasAsked = false;
        foreach (var term in focus.Terms)
        {
            if (focus.EntityTerms.Contains(term))
            {
                entityTotal++;
                var bySource = source.Contains(term);
                saysWhatWasAsked |= bySource;
                entityMatched += terms.Contains(term) || bySource ? 1 : nearby.InContext(term) ? 0.5 : nearby.InHeadline(term) ? 0.25 : 0;
            }
            else
            {
                contentTotal++;
                contentMatched += terms.Contains(term) ? 1 : 0;
            }
        }

        var shaped = focus.Shape != AnswerShape.Any && (focus.Shape == AnswerShape.Control ? terms.Overlaps(_controlTerms) : HasShape(focus.Shape, evidence));
        if (focus.Shape != AnswerShape.Any)
        {
            contentTotal++;
            // A figure counts in full when it counts what the question asks about ("how many Syrians" - "120,000 Syrians").
            contentMatched += !shaped ? 0 : focus.Shape == AnswerShape.Figure && !CountsAskedThing(focus, evidence) ? 0.5 : 1;
        }

        // "What did Lavrov say about Aleppo?": a sentence on Lavrov's word is what was asked, whatever its words.
        if (saysWhatWasAsked)
        {
            contentMatched += 1;
        }

        var entityShare = entityTotal == 0 ? (double?)null : entityMatched / entityTotal;
        var contentShare = contentTotal == 0 ? (double?)null : Math.Min(1, contentMatched / Math.Min(contentTotal, SaturatingTerms));
        var score = (entityShare, contentShare) switch
        {
            ({ } e, { } c) => (e + c) / 2,
            ({ } e, null) => e,
            (null, { } c) => c,
            _ => 0,
        };

        var text = evidence.Sentence.Text.TrimEnd();
        if (text.EndsWith(':') || text.EndsWith('?'))
        {
            score *= 0.3;
        }
        // Only a short sentence is marked down, so the count stops at six words, and a sentence scoring nothing is not counted.
        else if (score > 0 && !HasWords(text, 6))
        {
            score *= 0.7;
        }

        var relevant = score >= MinimumScore && entityShare is not 0 && contentMatched > 0 || (contentTotal == 0 && score >= MinimumScore);
        return new ScoredSentence(evidence, score, terms, relevant) { HasShape = shaped };
    }

    private bool CountsAskedThing(QuestionFocus focus, EvidenceSentence evidence) =>
        evidence.Claim.Figures.Any(f => (f.Unit is { } unit && _analyzerTerms(unit).Any(focus.Terms.Contains))
            || (f.Counts is { } counts && _analyzerTerms(counts).Any(focus.Terms.Contains)));

    private static bool HasShape(AnswerShape shape, EvidenceSentence evidence) => shape switch
    {
        AnswerShape.Figure => evidence.Claim.Figures.Any(f => !DistanceUnits.Contains(f.Unit ?? string.Empty)),
        AnswerShape.Distance => evidence.Claim.Figures.Any(f => DistanceUnits.Contains(f.Unit ?? string.Empty))
            || DistanceWords().IsMatch(evidence.Sentence.Text),
        AnswerShape.Time => evidence.Claim.RefersTo is not null,
        AnswerShape.Source => evidence.Claim.Source is not null,
        _ => false,
    };

    /// <summary>True when <paramref name="text"/> has at least <paramref name="enough"/> words (it stops counting there).</summary>
    private static bool HasWords(string text, int enough)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord && ++count >= enough)
                {
                    return true;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return false;
    }

    /// <summary>
    /// What precedes a sentence of one passage: the passage's context, its earlier sentences and the article's headline.
    /// The earlier sentences are read from their own term sets and the context and headline analysed only when first
    /// asked, which saves building and copying two sets per passage (and analysing two texts) when every name asked
    /// about is in the sentence itself.
    /// </summary>
    private struct Surroundings(ITextAnalyzer analyzer, PassageHit hit, List<ScoredSentence> scored, int first)
    {
        private HashSet<string>? _context;
        private HashSet<string>? _headline;

        /// <summary>In the passage's context or in one of its sentences scored so far.</summary>
        public bool InContext(string term)
        {
            for (var i = first; i < scored.Count; i++)
            {
                if (scored[i].Terms.Contains(term))
                {
                    return true;
                }
            }

            _context ??= new HashSet<string>(analyzer.Terms(hit.Passage.Context ?? string.Empty), StringComparer.Ordinal);
            return _context.Contains(term);
        }

        public bool InHeadline(string term)
        {
            _headline ??= new HashSet<string>(analyzer.Terms(hit.Article.Title ?? string.Empty), StringComparer.Ordinal);
            return _headline.Contains(term);
        }
    }

    // A distance, not an area: "four kilometres", "20 km", "12.5 miles", but not "40,000 square miles".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!square\s)\b(?:kilomet(?:re|er)s?|km|miles?|metres?|meters?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DistanceWords();
}
