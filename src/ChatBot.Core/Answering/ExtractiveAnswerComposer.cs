using System.Globalization;
using ChatBot.Core.Analysis;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using ChatBot.Core.Prompts;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Options;
using ChatBot.Core.Configuration;

namespace ChatBot.Core.Answering;

/// <summary>
/// The embedded default composer: picks the sentences that answer the question, orders them (by date when reports
/// differ in time), wraps each in its attribution through the prompt set's templates and cites it; then lists the
/// disagreements. It never changes a sentence's words, so every quote is exact; loaded framing stays inside the
/// outlet's own sentence. When nothing in the evidence answers, it says so (a refusal, not an exception).
/// </summary>
/// <remarks>Thread-safe and deterministic.</remarks>
public sealed class ExtractiveAnswerComposer : IAnswerComposer
{
    /// <summary>Two sentences sharing this share of their terms say the same thing; only one is kept.</summary>
    private const double DuplicateOverlap = 0.6;

    private readonly ITextAnalyzer _analyzer;
    private readonly SentenceScorer _scorer;
    private readonly QuestionReader _reader;
    private readonly AnsweringOptions _options;

    public ExtractiveAnswerComposer(ITextAnalyzer analyzer, IOptions<AnsweringOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _analyzer = analyzer;
        _scorer = new SentenceScorer(analyzer);
        _reader = new QuestionReader(analyzer);
        _options = options.Value;
    }

    public Task<Answer> ComposeAsync(CompositionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Compose(context, context.Focus ?? _reader.Read(context.StandaloneQuestion, SourceCatalog.Empty)));
    }

    private Answer Compose(CompositionContext context, QuestionFocus focus)
    {
        var scored = _scorer.Score(focus, context.Evidence);
        // Ties go to the passage retrieval ranked higher (evidence comes best first).
        var relevant = scored.Where(s => s.Relevant).OrderByDescending(s => s.Score).ToList();

        // A time hint ("in October 2015") keeps the answer to reports of that time, when there are any.
        if (context.Period is { } period && relevant.Any(s => InPeriod(s.Evidence, period)))
        {
            relevant = relevant.Where(s => InPeriod(s.Evidence, period)).ToList();
        }

        var unknownNames = focus.Names
            .Where(name => !name.Terms.Any(term => scored.Any(s => s.Terms.Contains(term))))
            .Select(name => name.Text)
            .ToList();
        if (relevant.Count == 0 || unknownNames.Count > 0)
        {
            return Refusal(context, focus, unknownNames);
        }

        var ledger = new CitationLedger();
        // Most questions come with no dispute: then no index of the scored sentences is built. Otherwise one index
        // serves both steps.
        List<DetectedDispute> disputes = [];
        if (context.Disputes.Count > 0)
        {
            var bySentence = scored.ToDictionary(s => (s.Evidence.Hit.Passage.Id, s.Evidence.Sentence.Index));
            disputes = ShowableDisputes(RelevantDisputes(context.Disputes, bySentence, focus.Shape), bySentence);
        }

        var disputed = new HashSet<(string, int)>(disputes.SelectMany(d => d.Positions).Select(p => (p.Evidence.Hit.Passage.Id, p.Evidence.Sentence.Index)));

        // A question asking for a figure, a distance or a date is answered by the sentences that state one, when any do.
        var candidates = relevant.Where(s => !disputed.Contains((s.Evidence.Hit.Passage.Id, s.Evidence.Sentence.Index))).ToList();
        if (focus.Shape != AnswerShape.Any && candidates.Any(s => s.HasShape))
        {
            candidates = candidates.Where(s => s.HasShape).ToList();
        }

        var summary = Select(candidates, relevant.Count > 0 ? relevant[0].Score : 0);
        var dates = summary.Select(s => DateOf(s.Evidence)).Where(d => d is not null).Distinct().Count();
        var showDate = dates > 1 || focus.AboutChangingSituation || focus.Shape == AnswerShape.Time;
        var ordered = showDate
            ? summary.OrderBy(s => DateOf(s.Evidence) ?? DateOnly.MaxValue).ThenBy(s => s.Evidence.Sentence.Index).ToList()
            : InArticleOrder(summary);

        var parts = new List<AnswerPart>();
        if (ordered.Count > 0)
        {
            var sentences = ordered.Select(s => SentenceText.WithMarker(Phrase(context.Prompts, s.Evidence, showDate, focus), [ledger.Cite(s.Evidence)]));
            parts.Add(new AnswerPart(AnswerPartKind.Summary, string.Join(' ', sentences)));
        }

        if (focus.AboutChangingSituation && ordered.Count > 0)
        {
            var newest = ordered.Select(s => s.Evidence).MaxBy(e => DateOf(e) ?? DateOnly.MinValue)!;
            if (newest.Article.Published is { } published)
            {
                parts.Add(new AnswerPart(AnswerPartKind.Note, context.Prompts.Render("asof", new Dictionary<string, object?>
                {
                    ["date"] = FormatDate(published),
                    ["dateInferred"] = newest.Article.PublishedInferred,
                    ["outlet"] = newest.Article.Outlet,
                }).Trim()));
            }
        }

        var answerDisputes = new List<Dispute>();
        var model = new List<Dictionary<string, object?>>();
        foreach (var dispute in disputes)
        {
            var positions = dispute.Positions.Select(p => new DisputePosition
            {
                Claim = SentenceText.Display(p.Evidence),
                By = p.Claimant,
                Outlet = p.Evidence.Article.Outlet,
                Citation = ledger.Cite(p.Evidence),
            }).ToList();
            var topic = NeutralTopic(dispute, focus);
            answerDisputes.Add(new Dispute { Kind = dispute.Kind, Topic = topic, Positions = positions });
            model.Add(new Dictionary<string, object?>
            {
                ["topic"] = topic,
                ["isConflict"] = dispute.Kind == DisputeKind.Conflict,
                ["isUnverified"] = dispute.Kind == DisputeKind.Unverified,
                ["isDenied"] = dispute.Kind == DisputeKind.Denied,
                ["positions"] = positions.Select(p => new Dictionary<string, object?>
                {
                    ["by"] = p.By,
                    ["outlet"] = p.Outlet,
                    ["sameAsOutlet"] = string.Equals(p.By, p.Outlet, StringComparison.OrdinalIgnoreCase),
                    ["claim"] = p.Claim,
                    ["claimQuoted"] = p.Claim.Length > 0 && p.Claim[0] is '"' or '“' or '‘',
                    ["citation"] = p.Citation,
                }).ToList(),
            });
        }

        if (model.Count > 0)
        {
            parts.Add(new AnswerPart(AnswerPartKind.Disagreements, Lines(context.Prompts.Render("disagreements", new Dictionary<string, object?>
            {
                ["disputes"] = model,
                ["onlyDisagreements"] = ordered.Count == 0,
            }))));
        }

        return new Answer
        {
            Question = context.Question,
            StandaloneQuestion = context.StandaloneQuestion,
            Text = string.Join("\n\n", parts.Select(p => p.Text)),
            Parts = parts,
            Mode = AnswerMode.Extractive,
            Citations = ledger.Citations,
            Disputes = answerDisputes,
            FollowUps = FollowUps(context, focus, scored, ledger.Citations, answerDisputes.Count > 0),
            PromptVersion = context.Prompts.Version,
        };
    }

    /// <summary>The best sentences, one per fact: near-duplicates dropped, at most the configured number.</summary>
    private List<ScoredSentence> Select(List<ScoredSentence> relevant, double best)
    {
        var chosen = new List<ScoredSentence>();
        if (relevant.Count == 0)
        {
            return chosen;
        }

        // Measured against the best sentence overall, disputed ones included, so the summary does not fill up with
        // weaker sentences when the best ones are in the disagreements.
        var floor = best * 0.7;
        foreach (var candidate in relevant)
        {
            if (chosen.Count >= _options.MaxSummarySentences || candidate.Score < floor)
            {
                break;
            }

            if (chosen.Any(c => Overlap(c.Terms, candidate.Terms) >= DuplicateOverlap))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        return chosen;
    }

    /// <summary>Sentences grouped by article (best article first), each article's in its own order.</summary>
    private static List<ScoredSentence> InArticleOrder(List<ScoredSentence> chosen) =>
        chosen.GroupBy(s => s.Evidence.Article.Id)
            .SelectMany(g => g.OrderBy(s => s.Evidence.Sentence.Index))
            .ToList();

    private static string Phrase(PromptSet prompts, EvidenceSentence evidence, bool showDate, QuestionFocus focus)
    {
        var display = PlaceResolver.Resolve(SentenceText.Display(evidence), evidence, focus);
        var colon = SentenceText.NeedsColon(display);
        var source = evidence.Claim.Source;
        var article = evidence.Article;
        return prompts.Render("attribution", new Dictionary<string, object?>
        {
            ["outlet"] = article.Outlet,
            ["sentence"] = colon || evidence.IsCaption ? display : SentenceText.ReadOn(display, evidence.Hit.Passage.Text),
            ["colon"] = colon,
            ["citeSource"] = source is not null && !source.NamedInSentence,
            ["source"] = source is null ? null : SourceName(source),
            ["via"] = source?.Via,
            ["isCaption"] = evidence.IsCaption,
            ["showDate"] = showDate && article.Published is not null,
            ["date"] = article.Published is { } date ? FormatDate(date) : null,
            ["dateInferred"] = article.PublishedInferred,
        }).Trim();
    }

    /// <summary>Names an organisation the way a sentence needs it: "the Syrian Observatory for Human Rights", "Reuters".</summary>
    private static string SourceName(AttributedSource source)
    {
        var name = source.Name;
        var multiword = name.Contains(' ', StringComparison.Ordinal);
        var organisation = source.Kind is SourceKind.Monitor or SourceKind.Government or SourceKind.ArmedGroup or SourceKind.ArmedGroupMedia;
        return multiword && organisation && char.IsUpper(name[0]) && !name.StartsWith("The ", StringComparison.Ordinal)
            ? "the " + name
            : name;
    }

    /// <summary>
    /// Each position once per answer. The sides of a conflict all stay (the detector matched them as the same thing);
    /// of a denial or an unverified claim, the claim itself and the reports that bear on the question.
    /// </summary>
    private static List<DetectedDispute> ShowableDisputes(List<DetectedDispute> disputes, Dictionary<(string, int), ScoredSentence> bySentence)
    {
        var shown = new HashSet<(string, int)>();
        var showable = new List<DetectedDispute>();
        foreach (var dispute in disputes)
        {
            var kept = dispute.Positions
                .Where((p, i) => i == 0 || dispute.Kind == DisputeKind.Conflict
                    || (bySentence.GetValueOrDefault((p.Evidence.Hit.Passage.Id, p.Evidence.Sentence.Index))?.Score ?? 0) >= SentenceScorer.MinimumScore * 0.6)
                .Where(p => shown.Add((p.Evidence.Hit.Passage.Id, p.Evidence.Sentence.Index)))
                .ToList();
            if (kept.Count > 0 && (dispute.Kind != DisputeKind.Conflict || kept.Count >= 2))
            {
                showable.Add(dispute with { Positions = kept });
            }
        }

        return showable;
    }

    /// <summary>
    /// Disputes that bear on the question: at least one position is a sentence the question is about, and, when the
    /// question asks for a figure, a distance or a date, one that states it.
    /// </summary>
    private static List<DetectedDispute> RelevantDisputes(IReadOnlyList<DetectedDispute> disputes,
        Dictionary<(string, int), ScoredSentence> bySentence, AnswerShape shape)
    {
        bool Bears(DetectedPosition p) =>
            bySentence.TryGetValue((p.Evidence.Hit.Passage.Id, p.Evidence.Sentence.Index), out var s) && s.Relevant && (shape == AnswerShape.Any || s.HasShape);
        // A conflict bears on the question through any side; a denial or an unverified claim through the claim itself.
        return disputes.Where(d => d.Kind == DisputeKind.Conflict ? d.Positions.Any(Bears) : d.Positions.Count > 0 && Bears(d.Positions[0])).ToList();
    }

    private static string NeutralTopic(DetectedDispute dispute, QuestionFocus focus)
    {
        var loaded = dispute.Positions.SelectMany(p => p.Evidence.Claim.LoadedTerms).ToList();
        var topic = dispute.Topic;
        return loaded.Any(term => topic.Contains(term, StringComparison.OrdinalIgnoreCase))
            ? focus.Subject ?? "this"
            : topic;
    }

    private static Answer Refusal(CompositionContext context, QuestionFocus focus, List<string> unknownNames)
    {
        var text = context.Prompts.Render("refusal", new Dictionary<string, object?>
        {
            ["unknownTerms"] = unknownNames.Count == 0 ? null : JoinForReading(unknownNames),
            ["subject"] = focus.Subject,
        }).Trim();
        return new Answer
        {
            Question = context.Question,
            StandaloneQuestion = context.StandaloneQuestion,
            Text = text,
            Parts = [new AnswerPart(AnswerPartKind.Note, text)],
            Mode = AnswerMode.Extractive,
            Refused = true,
            RefusalReason = unknownNames.Count > 0
                ? $"no article mentions {JoinForReading(unknownNames)}"
                : "no passage answers the question",
            PromptVersion = context.Prompts.Version,
        };
    }

    private List<string> FollowUps(CompositionContext context, QuestionFocus focus,
        IReadOnlyList<ScoredSentence> scored, IReadOnlyList<Citation> citations, bool hasDisputes)
    {
        // Suggest only around a known place, group or person: "What did UPI report about Palmyra?", not "... about Syrians?".
        var topic = focus.Names.FirstOrDefault(n => n.Terms.Any(_analyzer.IsEntity))?.Text;
        if (topic is null)
        {
            return [];
        }

        var cited = citations.Select(c => c.Outlet).ToHashSet(StringComparer.Ordinal);
        var otherOutlets = scored.Where(s => s.Score >= SentenceScorer.MinimumScore / 2 && !cited.Contains(s.Evidence.Article.Outlet))
            .Select(s => s.Evidence.Article.Outlet)
            .Where(o => o != ArticleMetadata.UnknownOutlet)
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .ToList();
        var hasDates = scored.Where(s => s.Relevant).Select(s => s.Evidence.Article.Published).Distinct().Count() > 1;
        var text = context.Prompts.Render("followups", new Dictionary<string, object?>
        {
            ["topic"] = topic,
            ["hasDisputes"] = hasDisputes,
            ["otherOutlets"] = otherOutlets,
            ["hasDates"] = hasDates && !focus.AboutChangingSituation,
        });
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .ToList();
    }

    private static bool InPeriod(EvidenceSentence evidence, Retrieval.DateRange period) =>
        (evidence.Claim.RefersTo is { } refers && period.Contains(refers))
        || (evidence.Article.Published is { } published && period.Contains(published));

    private static DateOnly? DateOf(EvidenceSentence evidence) => evidence.Claim.RefersTo ?? evidence.Article.Published;

    private static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        // A loop, not Count(b.Contains): this runs for every pair of candidate and chosen sentence.
        var shared = 0;
        foreach (var term in a)
        {
            if (b.Contains(term))
            {
                shared++;
            }
        }

        return (double)shared / Math.Min(a.Count, b.Count);
    }

    private static string Lines(string rendered) =>
        string.Join('\n', rendered.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static string JoinForReading(List<string> items) =>
        items.Count switch
        {
            1 => items[0],
            2 => $"{items[0]} or {items[1]}",
            _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
        };
}
