using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Corpus;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("On Oct. 11 the U.S. State Department spoke. Then it stopped.", "On Oct. 11 the U.S. State Department spoke.|Then it stopped.")]
    [InlineData("Mr. Smith met Dr. Jones at St. Mary's. They talked.", "Mr. Smith met Dr. Jones at St. Mary's.|They talked.")]
    [InlineData("It lies 20 km (12.5 miles) away. No. 5 was hit.", "It lies 20 km (12.5 miles) away.|No. 5 was hit.")]
    [InlineData("Fred J. Lambert wrote it. Good.", "Fred J. Lambert wrote it.|Good.")]
    [InlineData("He called them \"bandits\". Then he left.", "He called them \"bandits\".|Then he left.")]
    [InlineData("\u201cIt is secured,\u201d a unit said. \u201cThe road is open.\u201d", "\u201cIt is secured,\u201d a unit said.|\u201cThe road is open.\u201d")]
    [InlineData("\"Is it over?\" he asked. Nobody knew.", "\"Is it over?\" he asked.|Nobody knew.")]
    [InlineData("It was backed by the U.S. The war went on.", "It was backed by the U.S.|The war went on.")]
    [InlineData("Troops -- backed by jets \u2014 advanced. Later\u00a0they stopped.", "Troops -- backed by jets \u2014 advanced.|Later\u00a0they stopped.")]
    [InlineData("A hard\nwrapped line. And more.", "A hard\nwrapped line.|And more.")]
    [InlineData("Wait... What happened? Nothing!", "Wait...|What happened?|Nothing!")]
    [InlineData("Within four kilometres [two and a half miles] of it. Next.", "Within four kilometres [two and a half miles] of it.|Next.")]
    [InlineData("No closing punctuation", "No closing punctuation")]
    public void Split_NewsText_SentencesAtTrueBoundaries(string text, string expected)
    {
        var spans = SentenceSplitter.Split(text, 0, text.Length);

        Assert.Equal(expected.Split('|'), spans.Select(s => text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Split_SubRange_OffsetsIntoWholeText()
    {
        const string text = "Skip this. Keep one. Keep two.";
        var start = text.IndexOf("Keep", StringComparison.Ordinal);

        var spans = SentenceSplitter.Split(text, start, text.Length);

        Assert.Equal([(11, 9), (21, 9)], spans);
    }
}
