using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Corpus;

public sealed class PassageSplitterTests
{
    [Fact]
    public void Split_LongParagraph_CutAtSentenceBoundariesUnderLimit()
    {
        var sentence = "The monitor said fighting continued around the airbase through the night and into the morning. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 20)).TrimEnd();
        var article = new Article
        {
            Metadata = new ArticleMetadata { Id = "long", Outlet = "UPI" },
            Text = text,
            SourcePath = "long.txt",
            Segments = [new TextSegment(SegmentKind.Reporting, 0, text.Length)],
        };

        var passages = new PassageSplitter().Split(article);

        Assert.True(passages.Count > 1);
        Assert.All(passages, p => Assert.InRange(p.Text.Length, 1, PassageSplitter.MaxPassageChars));
        Assert.All(passages, p => Assert.EndsWith(".", p.Text, StringComparison.Ordinal));
        Assert.Equal(20, passages.Sum(p => p.Sentences.Count));
        Assert.Equal(Enumerable.Range(0, 20), passages.SelectMany(p => p.Sentences).Select(s => s.Index));
    }

    [Fact]
    public void Split_NonEvidenceSegments_NoPassage()
    {
        const string text = "Headline\n\nAdvertisement\n\nReader says hi.\n\nA caption [AFP]";
        var article = new Article
        {
            Metadata = new ArticleMetadata { Id = "x", Outlet = "UPI" },
            Text = text,
            SourcePath = "x.txt",
            Segments =
            [
                new TextSegment(SegmentKind.Headline, 0, 8),
                new TextSegment(SegmentKind.Chrome, 10, 13),
                new TextSegment(SegmentKind.ReaderComments, 25, 15),
                new TextSegment(SegmentKind.Caption, 42, 15),
            ],
        };

        var passage = Assert.Single(new PassageSplitter().Split(article));

        Assert.Equal(PassageKind.Caption, passage.Kind);
        Assert.Equal("A caption [AFP]", passage.Text);
        Assert.Equal("x#0", passage.Id);
    }
}
