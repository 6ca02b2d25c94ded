using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Generation;

/// <summary>
/// Four invented passages (not seed text) with claims and one conflict, numbered [1]..[4] in the prompt:
/// [1] The New Arab, own voice; [2] EA WorldView citing the Syrian Observatory, unverified figure; [3] The Duran,
/// a loaded word; [4] UPI citing state media, a figure conflicting with [2].
/// </summary>
internal static class TestEvidence
{
    public static readonly PassageHit Advance = Hit("newarab-test-advance", "The New Arab", new DateOnly(2016, 12, 9), 0,
        ["Fighters advanced to within four kilometres of Palmyra on Thursday.", "Government forces had retaken the city in March."],
        [Own(), Own()]);

    public static readonly PassageHit Losses = Hit("eaworldview-test-losses", "EA WorldView", new DateOnly(2016, 12, 11), 2,
        ["The Syrian Observatory for Human Rights said 34 pro-government troops were killed near the airport.", "The figure could not be independently verified."],
        [From("Syrian Observatory for Human Rights", SourceKind.Monitor), Own() with { Hedges = [new Hedge(HedgeKind.Unverifiable, "could not be independently verified")] }]);

    public static readonly PassageHit Villages = Hit("duran-test-villages", "The Duran", new DateOnly(2016, 12, 10), 1,
        ["The army liberated three villages east of the city, according to a military source."],
        [From("a military source", SourceKind.Unnamed) with { LoadedTerms = ["liberated"] }]);

    public static readonly PassageHit StateMedia = Hit("upi-test-state-media", "UPI", new DateOnly(2016, 12, 11), 0,
        ["State media said 12 soldiers died in clashes near the airport."],
        [From("state media", SourceKind.Government)]);

    public static readonly DetectedDispute Conflict = new()
    {
        Kind = DisputeKind.Conflict,
        Topic = "pro-government losses near the airport",
        Positions =
        [
            new DetectedPosition(new EvidenceSentence(Losses, Losses.Passage.Sentences[0], Losses.Claims[0]), "Syrian Observatory for Human Rights"),
            new DetectedPosition(new EvidenceSentence(StateMedia, StateMedia.Passage.Sentences[0], StateMedia.Claims[0]), "state media"),
        ],
    };

    public static IReadOnlyList<PassageHit> All => [Advance, Losses, Villages, StateMedia];

    /// <summary>A grounded answer to the four passages, conflict stated: what a good model writes.</summary>
    public const string GoodAnswer =
        "The New Arab reported that fighters advanced to within four kilometres of Palmyra [1]. " +
        "EA WorldView, citing the Syrian Observatory for Human Rights, said 34 pro-government troops were killed near the airport, a figure it could not verify [2]. " +
        "UPI reported that state media put the toll at 12 soldiers, so the two accounts disagree [4].";

    public static CompositionContext Context(IReadOnlyList<PassageHit>? evidence = null, IReadOnlyList<DetectedDispute>? disputes = null) => new()
    {
        Question = "What happened near Palmyra?",
        StandaloneQuestion = "What happened near Palmyra?",
        Turns = ["Who holds Palmyra?"],
        Evidence = evidence ?? All,
        Disputes = disputes ?? [Conflict],
        Now = new DateOnly(2016, 12, 11),
        Prompts = TestPrompts.Default,
    };

    private static Claim Own() => new() { SentenceIndex = 0 };

    private static Claim From(string name, SourceKind kind) => new() { SentenceIndex = 0, Source = new AttributedSource { Name = name, Kind = kind, Cue = "said", NamedInSentence = true } };

    private static PassageHit Hit(string articleId, string outlet, DateOnly published, int ordinal, string[] sentences, Claim[] claims)
    {
        // The article text is a heading line and then the passage, so offsets are real, not all zero.
        const string heading = "Heading line\n\n";
        var text = string.Join(" ", sentences);
        var start = heading.Length;
        var list = new List<Sentence>();
        var offset = 0;
        for (var i = 0; i < sentences.Length; i++)
        {
            offset = text.IndexOf(sentences[i], offset, StringComparison.Ordinal);
            list.Add(new Sentence { Index = i, Start = start + offset, Text = sentences[i] });
            offset += sentences[i].Length;
        }

        return new PassageHit
        {
            Passage = new Passage { Id = Passage.MakeId(articleId, ordinal), ArticleId = articleId, Ordinal = ordinal, Kind = PassageKind.Reporting, Start = start, Text = text, Sentences = list },
            Article = new ArticleMetadata { Id = articleId, Outlet = outlet, Title = $"Title of {articleId}", Published = published },
            Claims = claims.Select((c, i) => c with { SentenceIndex = i }).ToList(),
            Score = 1,
        };
    }
}
