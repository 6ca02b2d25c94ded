using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using ChatBot.Core.Corpus.Synthetic;
using ChatBot.Core.Indexing;

namespace ChatBot.Core.Tests.Attribution;

/// <summary>
/// The keyword scan only gates the readers (cues, loaded terms, figures, clause boundaries, hedges, times): its word
/// lists must hold every word their patterns can start from, so a reader given the scan finds exactly what it finds when
/// it runs on everything. The word lists are written twice (the scan's and each reader's patterns); these tests keep
/// them in step.
/// </summary>
public sealed class KeywordScannerTests
{
    private static readonly KeywordScanner Scanner = new([], []);
    private static readonly LexicalClaimExtractor Extractor = new();
    private static readonly LexicalClaimExtractor Ungated = new(AttributionLexicon.Default, scan: false);
    private static readonly DateOnly Published = new(2016, 12, 9);

    public static TheoryData<string> EdgeSentences => new()
    {
        "The figures cannot be confirmé by anyone, officials said.",
        "THE VIDEO COULD NOT BE INDEPENDENTLY VERIFIED, ACTIVISTS SAID.",
        "The commander was said to have fled on Friday, three days ago.",
        "Moscow denied it; the ministry refused to acknowledge the strikes last night.",
        "IS purportedly seized the \u212Aweires air base in March.",
        "Reportedly, dozens were killed earlier this year, the Observatory claimed.",
        "The army appeared  to advance on Tuesday morning, residents said.",
        "Strikes resumed on 3 December, though Lavrov said they were only suspended.",
    };

    [Theory]
    [MemberData(nameof(EdgeSentences))]
    public void Scan_EdgeSentence_ReadersFindWhatTheyFindUngated(string sentence) => AssertGateKeepsEverything(sentence);

    [Fact]
    public void Scan_EverySeedSentence_ReadersFindWhatTheyFindUngated()
    {
        var sentences = SeedCorpus.AllEvidence().Select(e => e.Sentence.Text).ToList();

        Assert.NotEmpty(sentences);
        Assert.All(sentences, AssertGateKeepsEverything);
    }

    [Fact]
    public void Extract_SeedArticles_SameClaimsWithTheScanAsWithout()
    {
        foreach (var id in SeedCorpus.ArticleIds)
        {
            var seed = SeedCorpus.Load(id);
            AssertSameClaims(seed.Article, seed.Passages, SeedCorpus.Catalog);
        }
    }

    [Fact]
    public void Extract_SyntheticArticles_SameClaimsWithTheScanAsWithout()
    {
        var root = Path.Combine(Path.GetTempPath(), "chatbot-scan-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SyntheticCorpusGenerator.Generate(new SyntheticCorpusOptions { Articles = 400, Format = SyntheticCorpusFormat.Jsonl, Seed = 7 }, root, null, CancellationToken.None);
            var catalog = SourceCatalogLoader.Load(Path.Combine(root, "sources.yaml"));
            var reader = new CorpusReader();
            var articles = reader.Scan(root, CancellationToken.None).SelectMany(f => reader.Read(f, CancellationToken.None).Articles).ToList();

            Assert.True(articles.Count > 300, $"{articles.Count} synthetic articles read");
            foreach (var article in articles)
            {
                AssertSameClaims(article, new PassageSplitter().Split(article), catalog);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Compared in the index's own encoding: every field of every claim, byte for byte.
    private static void AssertSameClaims(Article article, IReadOnlyList<Passage> passages, SourceCatalog catalog)
    {
        var gated = BinaryClaims.Encode(Extractor.Extract(article, passages, catalog));
        var ungated = BinaryClaims.Encode(Ungated.Extract(article, passages, catalog));

        Assert.True(gated.AsSpan().SequenceEqual(ungated), $"{article.Id}: the keyword scan changed the claims");
    }

    private static void AssertGateKeepsEverything(string sentence)
    {
        var keywords = Scanner.Scan(sentence, [], []);

        Assert.Equal(HedgeReader.Read(sentence, SentenceKeywords.All), HedgeReader.Read(sentence, keywords));
        Assert.Equal(TimeReferenceResolver.Resolve(sentence, Published, SentenceKeywords.All), TimeReferenceResolver.Resolve(sentence, Published, keywords));
    }
}
