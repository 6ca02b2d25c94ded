using ChatBot.Core.Generation;

namespace ChatBot.Core.Tests.Generation;

public class AnswerSentenceSplitterTests
{
    [Fact]
    public void Split_MarkersBeforeOrAfterTheFullStop_StayWithTheirSentence()
    {
        var sentences = AnswerSentenceSplitter.Split("First point [1]. Second point. [2][3] Third point [4, 1].");

        Assert.Equal(["First point [1].", "Second point. [2][3]", "Third point [4, 1]."], sentences.Select(s => s.Text));
        Assert.Equal([2, 3], sentences[1].Citations);
        Assert.Equal([4, 1], sentences[2].Citations);
    }

    [Fact]
    public void Split_AbbreviationsAndDecimals_DoNotEndASentence()
    {
        var sentences = AnswerSentenceSplitter.Split("U.S. officials said Gen. Smith saw 3.5 times more strikes [1]. Then it stopped [2].");

        Assert.Equal(2, sentences.Count);
    }

    [Fact]
    public void SplitComplete_StreamEndsRightAfterAFullStop_WaitsForAPossibleMarker()
    {
        var (sentences, consumed) = AnswerSentenceSplitter.SplitComplete("One thing happened [1]. Another thing happened.", final: false);

        var only = Assert.Single(sentences);
        Assert.Equal("One thing happened [1].", only.Text);
        Assert.Equal("One thing happened [1].".Length, consumed);
    }

    [Fact]
    public void Split_EditorialBrackets_AreNotCitations()
    {
        var sentence = Assert.Single(AnswerSentenceSplitter.Split("They reached the desert city [Palmyra] [1]."));

        Assert.Equal([1], sentence.Citations);
    }
}
