using ChatBot.Core.Answering;
using ChatBot.Core.Corpus;
using ChatBot.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.EndToEnd;

/// <summary>Answers over the seed corpus, through the real engine, checked the way a reader would check them.</summary>
public sealed class SeedAnswerTests(SeedEngine engine) : IClassFixture<SeedEngine>
{
    private static readonly string[] LoadedWords = ["terrorist", "liberated", "bandits", "cronies"];

    [Fact]
    public async Task AnswerAsync_RussianBombing_CitesTheNewArabWith120000()
    {
        var answer = await engine.AskAsync("How many Syrians fled because of Russian bombing?");

        Assert.False(answer.Refused);
        Assert.Contains(answer.Citations, c => c.ArticleId == "newarab-aleppo-fate");
        Assert.Contains("120,000", answer.Text, StringComparison.Ordinal);
        Assert.Contains("The New Arab", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who captured the Jafra oil fields?")]
    [InlineData("What is the weather in Damascus today?")]
    [InlineData("What is happening in the war in Yemen?")]
    [InlineData("How many technicals did the coalition ship to the SDF?")]
    public async Task AnswerAsync_NotInTheReporting_RefusedWithoutCitations(string question)
    {
        var answer = await engine.AskAsync(question);

        Assert.True(answer.Refused, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Contains("does not say", answer.Text, StringComparison.Ordinal);
        Assert.NotNull(answer.RefusalReason);
    }

    [Theory]
    [InlineData("How many Hezbollah fighters were killed near Deir ez-Zor?")]
    [InlineData("Is the Deir ez-Zor–Palmyra highway secured?")]
    [InlineData("Who is Russia attacking in Syria?")]
    [InlineData("How many ISIS fighters are heading to Palmyra?")]
    [InlineData("What did Lavrov say about Aleppo?")]
    public async Task AnswerAsync_EveryQuote_IsAnExactSubstringOfItsArticle(string question)
    {
        var answer = await engine.AskAsync(question);
        var corpus = engine.Services.GetRequiredService<ICorpusReader>();
        var articles = corpus.Scan(RepositoryPaths.Corpus, CancellationToken.None)
            .SelectMany(f => corpus.Read(f, CancellationToken.None).Articles)
            .ToDictionary(a => a.Id);

        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(c.Quote, articles[c.ArticleId].Text, StringComparison.Ordinal));
        Assert.All(answer.Citations, c => Assert.Contains($"[{c.N}]", answer.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("What did The Duran say about the rebels Obama armed?")]
    [InlineData("What did Russia say about the rebels in Aleppo?")]
    [InlineData("When was Palmyra liberated from ISIS?")]
    public async Task AnswerAsync_LoadedFraming_OnlyInsideTheOutletsOwnSentences(string question)
    {
        var answer = await engine.AskAsync(question);

        // Take away every quoted sentence: what is left is the bot's own voice.
        var ownWords = answer.Text;
        foreach (var quote in answer.Citations.Select(c => SentenceText.Tidy(c.Quote)).Concat(answer.Disputes.SelectMany(d => d.Positions).Select(p => p.Claim)).OrderByDescending(q => q.Length))
        {
            // As the composer may show it: whole, without its final stop (the marker goes there), first word lower-cased.
            var body = quote[..^1];
            foreach (var shown in new[] { quote, body, char.ToLowerInvariant(body[0]) + body[1..] })
            {
                ownWords = ownWords.Replace(shown, " ", StringComparison.Ordinal);
            }
        }

        Assert.All(LoadedWords, word => Assert.DoesNotContain(word, ownWords, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnswerAsync_FollowUp_ResolvesToTheEarlierPlace()
    {
        var answer = await engine.AskAsync("And how far were they from the city?", "What did IS seize near Palmyra?");

        Assert.Contains("Palmyra", answer.StandaloneQuestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"IS\" AND NEAR(Palmyra*, 2) OR (\"")]
    [InlineData("Deir-ez-Zor -- ^Aleppo: col:umn *")]
    [InlineData("🙂🙂 ما الذي حدث في حلب؟")]
    public async Task AnswerAsync_HostileOrEmptyQuestion_AnswersOrRefusesWithoutThrowing(string question)
    {
        var answer = await engine.AskAsync(question);

        Assert.NotNull(answer.Text);
        Assert.NotEmpty(answer.Text);
        Assert.True(answer.Refused || answer.Citations.Count > 0, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_HundredKilobyteQuestion_RefusedNamingTheLimit()
    {
        var answer = await engine.AskAsync(new string('x', 100 * 1024));

        Assert.True(answer.Refused);
        Assert.Contains("characters", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_CaptionEvidence_SaysItIsAPhotoCaption()
    {
        var answer = await engine.AskAsync("What was Syrian regime artillery bombarding in Aleppo on Friday?");

        foreach (var caption in answer.Citations.Where(c => c.IsCaption))
        {
            Assert.Contains($"photo caption in {caption.Outlet}", answer.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AnswerAsync_AfterTheIndexIsBuilt_StatusCountsTheSeedArticles()
    {
        await engine.AskAsync("What happened in Palmyra?");

        var status = engine.Services.GetRequiredService<IPassageIndex>().Status;
        Assert.True(status.IsReady);
        Assert.Equal(5, status.ArticleCount);
        Assert.Equal(new DateOnly(2017, 9, 30), status.Newest);
    }
}
