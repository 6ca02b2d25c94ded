using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class AnswerSentencesTests
{
    [Fact]
    public void SplitText_SentencesWithMarkersAndAbbreviations_SplitsWhereAReaderWould()
    {
        var sentences = AnswerSentences.SplitText(
            "UPI reported that Russia intervened on Sept. 30 [1]. The U.S. said little. Activists disagreed [2][3].");

        Assert.Collection(sentences,
            s => Assert.Equal([1], s.Markers),
            s => Assert.Empty(s.Markers),
            s => Assert.Equal([2, 3], s.Markers));
    }

    [Fact]
    public void SplitText_MarkerAfterTheStop_BelongsToThePreviousSentence()
    {
        var sentences = AnswerSentences.SplitText("IS came within four kilometres of the desert city [Palmyra]. [1] Russia said so. [2, 3]");

        Assert.Equal(2, sentences.Count);
        Assert.Equal([1], sentences[0].Markers);
        Assert.Equal([2, 3], sentences[1].Markers);
    }

    [Fact]
    public void SplitText_HeadingsAndListItems_HeadingSkippedItemsCounted()
    {
        var sentences = AnswerSentences.SplitText("Where the reports differ:\n- IS said more than 50 troops were slain [2]\n- A commander said at least 10 Hezbollah fighters died [3]");

        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("IS said", sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_RefusedAnswer_CountsNothing()
    {
        Assert.Empty(AnswerSentences.Split(Answers.Refusal()));
    }

    [Fact]
    public void Split_NoteParts_AreNotCounted()
    {
        var answer = Answers.Make("IS advanced [1].\n\nAs of 2016-12-09, per The New Arab.") with
        {
            Parts = [new AnswerPart(AnswerPartKind.Summary, "IS advanced [1]."), new AnswerPart(AnswerPartKind.Note, "As of 2016-12-09, per The New Arab.")],
        };

        var sentence = Assert.Single(AnswerSentences.Split(answer));
        Assert.Equal("IS advanced [1].", sentence.Text);
    }

    [Fact]
    public void Spans_TwoClausesWithTheirOwnMarkers_EachMarkerGetsItsClause()
    {
        var spans = AnswerSentences.Spans("IS said 50 troops were slain [1], while a commander said 10 fighters died [2].");

        Assert.Equal(2, spans.Count);
        Assert.Equal("IS said 50 troops were slain", spans[0].Span);
        Assert.Equal("while a commander said 10 fighters died.", spans[1].Span);
        Assert.Equal([2], spans[1].Markers);
    }
}
