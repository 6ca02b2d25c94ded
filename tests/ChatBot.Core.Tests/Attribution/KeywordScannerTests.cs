using ChatBot.Core.Attribution;

namespace ChatBot.Core.Tests.Attribution;

/// <summary>
/// The keyword scan only gates the hedge and time readers: its word lists must hold every word their patterns can start
/// from, so a reader given the scan finds exactly what it finds when it runs on everything.
/// </summary>
public sealed class KeywordScannerTests
{
    private static readonly KeywordScanner Scanner = new([], []);
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

    private static void AssertGateKeepsEverything(string sentence)
    {
        var keywords = Scanner.Scan(sentence, [], []);

        Assert.Equal(HedgeReader.Read(sentence, SentenceKeywords.All), HedgeReader.Read(sentence, keywords));
        Assert.Equal(TimeReferenceResolver.Resolve(sentence, Published, SentenceKeywords.All), TimeReferenceResolver.Resolve(sentence, Published, keywords));
    }
}
