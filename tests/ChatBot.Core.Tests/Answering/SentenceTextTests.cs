using ChatBot.Core.Answering;

namespace ChatBot.Core.Tests.Answering;

public sealed class SentenceTextTests
{
    [Theory]
    [InlineData("The city was recaptured in March.", "The city was recaptured in March [1].")]
    [InlineData("It will continue, he said.\"", "It will continue, he said.\" [1]")]
    [InlineData("Describing opposition fighters as \"bandits\".", "Describing opposition fighters as \"bandits\" [1].")]
    [InlineData("A caption without a full stop", "A caption without a full stop [1].")]
    public void WithMarker_PlacesCitationBeforeTheFinalStop(string sentence, string expected) =>
        Assert.Equal(expected, SentenceText.WithMarker(sentence, [1]));

    [Fact]
    public void WithMarker_SeveralCitations_ListsEachOnceInOrder() =>
        Assert.Equal("Both said so [1] [3].", SentenceText.WithMarker("Both said so.", [3, 1, 3]));

    [Theory]
    [InlineData("The IS advance brought the militants closer.", "the IS advance brought the militants closer.")]
    [InlineData("IS militants seized checkpoints.", "IS militants seized checkpoints.")]
    [InlineData("Russia maintains it is striking IS.", "Russia maintains it is striking IS.")]
    [InlineData("Heavy Russian bombing forced 120,000 to flee.", "heavy Russian bombing forced 120,000 to flee.")]
    public void ReadOn_LowerCasesOnlyOrdinaryFirstWords(string sentence, string expected) =>
        Assert.Equal(expected, SentenceText.ReadOn(sentence, sentence));

    [Theory]
    [InlineData("\"I did not say that,\" Lavrov said.", true)]
    [InlineData("However, on Friday Hezbollah claimed the road.", true)]
    [InlineData("The commander said at least 10 fighters had been killed.", false)]
    public void NeedsColon_QuotationsAndConnectivesCannotFollowReportedThat(string sentence, bool expected) =>
        Assert.Equal(expected, SentenceText.NeedsColon(sentence));

    [Fact]
    public void Tidy_FoldsHardLineBreaksAndNonBreakingSpaces() =>
        Assert.Equal("cannot be independently verified", SentenceText.Tidy("cannot\u00a0be independently\nverified"));
}
