using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class CitationSupportTests
{
    private const string Killing = "The IS assault took the regime by surprise, killing 15 troops and allied fighters on Friday as an overstretched regime military looks seriously under-equipped to consolidate recent gains.";
    private const string Jazal = "IS militants seized government checkpoints, silos and the village of Jazal, northwest of Palmyra, in the ongoing assault, the Syrian Observatory for Human Rights said.";

    [Theory]
    // The extractive composer's wrapper and square-bracketed clarification.
    [InlineData("The New Arab reported that the IS advance brought the militants to within four kilometres [two and a half miles] of the desert city [Palmyra], which regime forces recaptured in March", Answers.DistanceQuote)]
    // Number words and digits are the same number; light stemming matches killed/killing.
    [InlineData("According to The New Arab, the IS assault killed fifteen troops and allied fighters on Friday", Killing)]
    // A paraphrase sharing most content words.
    [InlineData("IS militants seized the village of Jazal northwest of Palmyra, the Syrian Observatory for Human Rights said", Jazal)]
    // Thousands separators do not matter.
    [InlineData("The New Arab said Russian bombing forced 120000 Syrians to flee", "Heavy Russian bombing of Aleppo and other provinces has forced 120,000 Syrians to flee for safety.")]
    public void Check_SupportedSpan_Passes(string span, string quote)
    {
        var verdict = CitationSupport.Check(span, Answers.Cite(1, quote));

        Assert.True(verdict.Supported, verdict.Reason);
    }

    [Fact]
    public void Check_NameOnlyInTheCitationsSource_Passes()
    {
        var citation = Answers.Cite(1, "IS militants seized government checkpoints, silos and the village of Jazal.", source: "Syrian Observatory for Human Rights");

        var verdict = CitationSupport.Check("The Syrian Observatory for Human Rights said IS militants seized the village of Jazal", citation);

        Assert.True(verdict.Supported, verdict.Reason);
    }

    [Fact]
    public void Check_NumberNotInQuote_FailsNamingIt()
    {
        var verdict = CitationSupport.Check("The New Arab reported that the IS assault killed 25 troops and allied fighters on Friday", Answers.Cite(1, Killing));

        Assert.False(verdict.Supported);
        Assert.Equal("number 25 is not in the quote", verdict.Reason);
    }

    [Fact]
    public void Check_NameNotInQuoteOrSpeakers_FailsNamingIt()
    {
        var verdict = CitationSupport.Check("Hezbollah fighters seized the village of Jazal northwest of Palmyra", Answers.Cite(1, Jazal));

        Assert.False(verdict.Supported);
        Assert.Equal("name 'Hezbollah' is not in the quote, outlet or source", verdict.Reason);
    }

    [Fact]
    public void Check_UnrelatedSentence_FailsOnOverlap()
    {
        var verdict = CitationSupport.Check("regime artillery bombarded the rebel enclave in the heart of the city", Answers.Cite(1, Jazal));

        Assert.False(verdict.Supported);
        Assert.StartsWith("only ", verdict.Reason, StringComparison.Ordinal);
        Assert.True(verdict.Overlap < CitationSupport.MinimumOverlap);
    }

    [Fact]
    public void Check_OnlyAnAttributionWrapper_SupportsNothing()
    {
        var verdict = CitationSupport.Check("The New Arab reported", Answers.Cite(1, Jazal));

        Assert.False(verdict.Supported);
    }

    [Fact]
    public void Check_NumbersSplitAcrossTwoCitations_PassTogether()
    {
        var isClaim = Answers.Cite(1, "The Islamic State said on Friday that more than 50 pro-Assad troops were slain.", "eaworldview-isis-counterattack", "EA WorldView");
        var commander = Answers.Cite(2, "The commander said at least 10 Hezbollah fighters had been killed.", "eaworldview-isis-counterattack", "EA WorldView");

        var together = CitationSupport.Check("The Islamic State said more than 50 pro-Assad troops were slain; the commander said at least 10 Hezbollah fighters had been killed", [isClaim, commander]);
        var alone = CitationSupport.Check("The Islamic State said more than 50 pro-Assad troops were slain; the commander said at least 10 Hezbollah fighters had been killed", isClaim);

        Assert.True(together.Supported, together.Reason);
        Assert.False(alone.Supported);
    }

    [Fact]
    public void Numbers_DigitsWordsAndSeparators_AreNormalised()
    {
        var numbers = CitationSupport.Numbers("about 4,000 fighters, two hundred technicals, 12.5 miles and twenty-eight dead in 24-hours");

        Assert.Equal(new HashSet<double> { 4000, 200, 12.5, 28, 24 }, numbers.ToHashSet());
    }
}
