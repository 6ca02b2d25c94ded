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
public sealed class SentenceScorer
{
    /// <summary>The share of the question a sentence must cover to be used.</summary>
    public const double MinimumScore = 0.5;

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
        var questionWeight = focus.Terms.Sum(t => Weight(focus, t)) + (focus.Shape == AnswerShape.Any ? 0 : 1);
        foreach (var hit in hits)
        {
            var context = new HashSet<string>(_analyzer.Terms(hit.Article.Title ?? string.Empty), StringComparer.Ordinal);
            for (var i = 0; i < hit.Passage.Sentences.Count; i++)
            {
                var sentence = hit.Passage.Sentences[i];
                var claim = i < hit.Claims.Count ? hit.Claims[i] : new Attribution.Claim { SentenceIndex = sentence.Index };
                var evidence = new EvidenceSentence(hit, sentence, claim);
                var terms = new HashSet<string>(_analyzer.Terms(sentence.Text), StringComparer.Ordinal);
                scored.Add(ScoreOne(focus, evidence, terms, context, questionWeight));
                context.UnionWith(terms);
            }
        }

        return scored;
    }

    private ScoredSentence ScoreOne(QuestionFocus focus, EvidenceSentence evidence, HashSet<string> terms,
        HashSet<string> context, double questionWeight)
    {
        double matched = 0;
        var entityMatched = focus.EntityTerms.Count == 0;
        var contentMatched = !focus.HasContentTerms;
        foreach (var term in focus.Terms)
        {
            var isEntity = focus.EntityTerms.Contains(term);
            if (terms.Contains(term))
            {
                matched += Weight(focus, term);
                entityMatched |= isEntity;
                contentMatched |= !isEntity;
            }
            else if (isEntity && context.Contains(term))
            {
                matched += Weight(focus, term) / 2;
                entityMatched = true;
            }
        }

        var shaped = focus.Shape != AnswerShape.Any && (focus.Shape == AnswerShape.Control ? terms.Overlaps(_controlTerms) : HasShape(focus.Shape, evidence));
        if (shaped)
        {
            // A figure counts in full when it counts what the question asks about ("how many Syrians" - "120,000 Syrians").
            matched += focus.Shape == AnswerShape.Figure && !CountsAskedThing(focus, evidence) ? 0.5 : 1;
            contentMatched = true;
        }

        var score = questionWeight == 0 ? 0 : matched / questionWeight;
        var text = evidence.Sentence.Text.TrimEnd();
        if (text.EndsWith(':') || text.EndsWith('?'))
        {
            score *= 0.3;
        }
        else if (CountWords(text) < 6)
        {
            score *= 0.7;
        }

        var relevant = score >= MinimumScore && entityMatched && contentMatched;
        return new ScoredSentence(evidence, score, terms, relevant) { HasShape = shaped };
    }

    private bool CountsAskedThing(QuestionFocus focus, EvidenceSentence evidence) =>
        evidence.Claim.Figures.Any(f => (f.Unit is { } unit && _analyzerTerms(unit).Any(focus.Terms.Contains))
            || (f.Counts is { } counts && _analyzerTerms(counts).Any(focus.Terms.Contains)));

    private static double Weight(QuestionFocus focus, string term) => focus.EntityTerms.Contains(term) ? 2 : 1;

    private static bool HasShape(AnswerShape shape, EvidenceSentence evidence) => shape switch
    {
        AnswerShape.Figure => evidence.Claim.Figures.Any(f => !DistanceUnits.Contains(f.Unit ?? string.Empty)),
        AnswerShape.Distance => evidence.Claim.Figures.Any(f => DistanceUnits.Contains(f.Unit ?? string.Empty))
            || evidence.Sentence.Text.Contains("kilomet", StringComparison.OrdinalIgnoreCase)
            || evidence.Sentence.Text.Contains(" miles", StringComparison.OrdinalIgnoreCase),
        AnswerShape.Time => evidence.Claim.RefersTo is not null,
        AnswerShape.Source => evidence.Claim.Source is not null,
        _ => false,
    };

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }

    /// <summary>True when the passage is a caption (citable, but weaker than reporting).</summary>
    internal static bool IsCaption(EvidenceSentence evidence) => evidence.Hit.Passage.Kind == PassageKind.Caption;
}
