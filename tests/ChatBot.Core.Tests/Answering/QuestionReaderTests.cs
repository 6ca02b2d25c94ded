using ChatBot.Core.Answering;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Answering;

public sealed class QuestionReaderTests
{
    private readonly QuestionReader _reader = new(new SimpleTextAnalyzer());

    [Theory]
    [InlineData("What did IS seize near Palmyra?")]
    [InlineData("Who holds Deir ez-Zor and Jabhat al-Nusra positions?")]
    [InlineData("According to the Syrian Observatory for Human Rights, how many died in Aleppo in March?")]
    [InlineData("Did the BBC say anything about al-Raqqa?")]
    [InlineData("how far is it from the city")]
    [InlineData("")]
    public void ReadNames_AnyQuestion_SameNamesAsAFullRead(string question)
    {
        var full = _reader.Read(question, SourceCatalog.Empty).Names;

        var names = _reader.ReadNames(question);

        Assert.Equal(full.Select(n => (n.Text, string.Join(' ', n.Terms))), names.Select(n => (n.Text, string.Join(' ', n.Terms))));
    }
}
