using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Corpus;

public sealed class ArticleSegmenterTests
{
    [Theory]
    [InlineData("Advertisement", SegmentKind.Chrome)]
    [InlineData("Help us grow. Support The Daily Example on Patreon!", SegmentKind.Chrome)]
    [InlineData("Subscribe to our newsletter", SegmentKind.Chrome)]
    [InlineData("Leave a Reply", SegmentKind.Chrome)]
    [InlineData("5 min read", SegmentKind.Byline)]
    [InlineData("By Jane Roe", SegmentKind.Byline)]
    [InlineData("Published: Friday 9 December 2016", SegmentKind.Byline)]
    [InlineData("Read more: Russia pounds Idlib again", SegmentKind.LinkList)]
    [InlineData("Smoke rises over the old city [Getty] |", SegmentKind.Caption)]
    [InlineData("Displaced families wait at the border. Photo by John Doe/AFP", SegmentKind.Caption)]
    [InlineData("Footage of the strike released by activists", SegmentKind.Caption)]
    [InlineData("Copyright © 2016 Example Media", SegmentKind.Chrome)]
    [InlineData("All Rights Reserved", SegmentKind.Chrome)]
    [InlineData("The views expressed in this article are the author's own and do not necessarily reflect the editorial policy.", SegmentKind.Chrome)]
    [InlineData("Disclaimer: this content is provided as is.", SegmentKind.Chrome)]
    [InlineData("Home > News > Middle East", SegmentKind.Chrome)]
    [InlineData("Rebels near the front line (Photo: Reuters)", SegmentKind.Caption)]
    [InlineData("A destroyed tank outside the town. Credit: SANA", SegmentKind.Caption)]
    [InlineData("Refugees wait at the camp | License Photo", SegmentKind.Caption)]
    [InlineData("Syrian soldiers walk through the ruins of the old city AFP/Getty", SegmentKind.Caption)]
    public void Segment_PageLineInsideStory_ClassifiedByWhatItIs(string line, SegmentKind expected)
    {
        var text = $"A Headline For The Story\n\nThe first paragraph of reporting says something.\n\n{line}\n\nThe last paragraph of reporting says more.\n";

        var segments = ArticleSegmenter.Segment(text);

        var segment = Assert.Single(segments, s => text.Substring(s.Start, s.Length).StartsWith(line.TrimEnd('|', ' '), StringComparison.Ordinal));
        Assert.Equal(expected, segment.Kind);
    }

    [Fact]
    public void Segment_VideoDescribedInReportingSentence_StaysReporting()
    {
        const string text = "Title Of It All\n\nA video posted online appears to show fighters at a checkpoint, although it cannot be verified.\n";

        var segments = ArticleSegmenter.Segment(text);

        Assert.Equal(SegmentKind.Reporting, segments[^1].Kind);
    }

    [Fact]
    public void Segment_CommentsHeadingThenReplies_AllReaderComments()
    {
        const string text = "Headline here now\n\nReporting paragraph one.\n\n3 Comments\n\nGreat article, thanks\n\nI disagree with all of it.\n";

        var kinds = ArticleSegmenter.Segment(text).Select(s => s.Kind).ToArray();

        Assert.Equal([SegmentKind.Headline, SegmentKind.Reporting, SegmentKind.Chrome, SegmentKind.ReaderComments, SegmentKind.ReaderComments], kinds);
    }

    [Fact]
    public void Segment_HardWrappedPlainText_OneParagraphPerBlock()
    {
        const string text = "The regime's offensive in the north stalled on Tuesday after rebels\nretook two villages near the highway, according to the Syrian\nObservatory for Human Rights, which relies on a network of sources\ninside the country.\n\nA second paragraph follows here.\n";

        var segments = ArticleSegmenter.Segment(text);

        Assert.Equal(2, segments.Count);
        Assert.All(segments, s => Assert.Equal(SegmentKind.Reporting, s.Kind));
    }

    [Fact]
    public void Segment_Always_SegmentsOrderedAndWithinText()
    {
        const string text = "\r\n  Title Line Here\r\n\r\nBody text. More body.\r\n\u00a0\r\nRelated Posts\r\nOther story headline\r\n";

        var segments = ArticleSegmenter.Segment(text);

        var end = 0;
        foreach (var s in segments)
        {
            Assert.True(s.Start >= end && s.End <= text.Length);
            Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.End - 1]));
            end = s.End;
        }

        Assert.Equal([SegmentKind.Headline, SegmentKind.Reporting, SegmentKind.LinkList, SegmentKind.LinkList], segments.Select(s => s.Kind));
    }
}
