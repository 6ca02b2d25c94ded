using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Tests.Retrieval;

public sealed class TimeHintParserTests
{
    [Theory]
    [InlineData("What happened in Aleppo in 2015?", "2015-01-01", "2015-12-31")]
    [InlineData("Who held Palmyra in December 2016?", "2016-12-01", "2016-12-31")]
    [InlineData("What was reported on 27 October 2015?", "2015-10-26", "2015-10-28")]
    [InlineData("What happened in Sept. 2017?", "2017-09-01", "2017-09-30")]
    [InlineData("What did IS do in late 2016?", "2016-09-01", "2016-12-31")]
    public void Parse_TimeHint_GivesItsSpan(string question, string from, string to)
    {
        var range = TimeHintParser.Parse(question);

        Assert.Equal(new DateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Fact]
    public void Parse_NoTimeHint_Null() => Assert.Null(TimeHintParser.Parse("How close did IS get to Palmyra?"));

    [Fact]
    public void Parse_LastYear_RelativeToNewestArticle() =>
        Assert.Equal(2016, TimeHintParser.Parse("What happened last year?", new DateOnly(2017, 9, 30))!.From.Year);
}
