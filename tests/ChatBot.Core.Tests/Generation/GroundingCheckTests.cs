using ChatBot.Core.Generation;

namespace ChatBot.Core.Tests.Generation;

public class GroundingCheckTests
{
    private static readonly IReadOnlyList<PromptPassage> Passages = PromptPassage.FromEvidence(TestEvidence.All);

    private static GroundingResult Check(string answer) => GroundingCheck.Check(answer, Passages, [TestEvidence.Conflict]);

    private static GroundingResult CheckAlone(string answer) => GroundingCheck.Check(answer, Passages, []);

    [Fact]
    public void Check_GroundedAnswerStatingTheConflict_Passes()
    {
        var result = Check(TestEvidence.GoodAnswer);

        Assert.True(result.Passed, string.Join("\n", result.Problems));
        Assert.Equal(3, result.Sentences.Count);
    }

    [Theory]
    [InlineData("Fighters came within 4 km of Palmyra, The New Arab reported [1].")]
    [InlineData("Government forces had retaken the city in March 2016 [1].")]
    [InlineData("The Duran wrote that the army \"liberated three villages\" east of the city, according to a military source [3].")]
    [InlineData("Fighters advanced to within four kilometres of Palmyra. [1]")]
    [InlineData("EA WorldView said the figure \"could not be independently verified\" [2].")]
    public void Check_SentenceSupportedByItsPassage_Passes(string answer)
    {
        var result = CheckAlone(answer);

        Assert.True(result.Passed, string.Join("\n", result.Problems));
    }

    [Theory]
    [InlineData("Fighters advanced to within four kilometres of Palmyra.", "no citation")]
    [InlineData("Fighters advanced to within four kilometres of Palmyra [7].", "there is no passage [7]")]
    [InlineData("Fighters advanced to within 40 kilometres of Palmyra [1].", "the number \"40\" is not in passage [1]")]
    [InlineData("The New Arab called it \"a crushing advance\" [1].", "the quoted words \"a crushing advance\" are not in passage [1]")]
    [InlineData("The Syrian Observatory for Human Rights said 34 troops were killed [2].", "does not name the outlet that carried it (EA WorldView)")]
    [InlineData("According to The Duran, the army liberated three villages [3].", "\"liberated\" is a loaded word")]
    [InlineData("The terrorists advanced to within four kilometres of Palmyra [1].", "\"terrorists\" is a loaded word")]
    [InlineData("Where reports disagree\nFighters advanced to within four kilometres of Palmyra [1].", "no citation")]
    public void Check_UngroundedSentence_FailsSayingWhatIsWrong(string answer, string expected)
    {
        var result = CheckAlone(answer);

        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.Reason.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_KnownConflictLeftOut_FailsNamingBothSides()
    {
        var result = Check("The New Arab reported that fighters advanced to within four kilometres of Palmyra [1].");

        var problem = Assert.Single(result.Problems);
        Assert.Contains("pro-government losses near the airport", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("[2] and [4]", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyAnswer_Fails()
    {
        Assert.False(CheckAlone("   ").Passed);
    }

    [Fact]
    public void Check_NumberFromAnotherPassageThanTheOneCited_Fails()
    {
        // 12 is in passage [4], not in [2], which this sentence cites.
        var result = CheckAlone("EA WorldView, citing the Syrian Observatory for Human Rights, said 12 troops were killed [2].");

        Assert.Contains(result.Problems, p => p.Reason.Contains("\"12\"", StringComparison.Ordinal));
    }
}
