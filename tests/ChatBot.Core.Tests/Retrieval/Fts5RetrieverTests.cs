using ChatBot.Core.Configuration;
using ChatBot.Core.Retrieval;
using ChatBot.Core.Tests.Indexing;

namespace ChatBot.Core.Tests.Retrieval;

public class Fts5RetrieverTests
{
    private static async Task<IndexFixture> SeededAsync()
    {
        var f = new IndexFixture();
        f.Reader.Put("deir", "Pro-Assad forces advanced on Deir ez-Zor after a long siege.", "EA WorldView");
        f.Reader.Put("islamic", "The Islamic State advance brought the militants close to the desert city.", "The New Arab");
        f.Reader.Put("is-caps", "IS fighters attacked a checkpoint east of Homs.", "UPI");
        f.Reader.Put("hezbollah", "Hezbollah media said the road was completely secured.", "EA WorldView");
        f.Reader.Put("aleppo", "This is what residents of Aleppo say it is like.", "The New Arab");
        f.Reader.Put("other", "Russian jets struck targets in Idlib.", "UPI");
        await f.UpdateAsync();
        return f;
    }

    [Theory]
    [InlineData("What happened in Deir al-Zor?", "deir")]
    [InlineData("Deir Ezzor", "deir")]
    [InlineData("How close did Daesh get?", "islamic")]
    [InlineData("Hizbollah road", "hezbollah")]
    public async Task RetrieveAsync_SpellingVariant_FindsTheCanonicalSpelling(string question, string expected)
    {
        using var f = await SeededAsync();
        Assert.Equal(expected, (await f.SearchAsync(question))[0]);
    }

    [Fact]
    public async Task RetrieveAsync_CapitalIS_FindsBothSpellingsOfTheGroup()
    {
        using var f = await SeededAsync();
        var hits = await f.SearchAsync("IS");
        Assert.Contains("is-caps", hits);
        Assert.Contains("islamic", hits);
        Assert.DoesNotContain("aleppo", hits);
    }

    [Fact]
    public async Task RetrieveAsync_QuestionWithVerbIs_DoesNotMatchEveryPassage()
    {
        using var f = await SeededAsync();
        Assert.Equal(["aleppo"], await f.SearchAsync("What is it like in Aleppo?"));
    }

    [Fact]
    public async Task RetrieveAsync_Hit_CarriesArticleMetadataExactTextAndClaims()
    {
        using var f = await SeededAsync();
        var result = await f.Retriever.RetrieveAsync(new RetrievalQuery { Text = "Hezbollah road" }, CancellationToken.None);
        var hit = result.Hits[0];
        Assert.Equal("EA WorldView", hit.Article.Outlet);
        Assert.Equal("Hezbollah media said the road was completely secured.", hit.Passage.Text);
        Assert.Equal(hit.Passage.Sentences.Count, hit.Claims.Count);
        Assert.Contains("hezbollah", result.Terms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"Palmyra")]
    [InlineData("Palmyra\" OR \"x")]
    [InlineData("pro-Assad forces")]
    [InlineData("AND")]
    [InlineData("Homs AND OR NOT NEAR Idlib")]
    [InlineData("NEAR(Homs Idlib, 2)")]
    [InlineData("Homs*")]
    [InlineData("^Homs")]
    [InlineData("(Homs) (Idlib")]
    [InlineData("body:Homs")]
    [InlineData("passages_fts:Homs - + {} [] ;")]
    [InlineData("\U0001F4A3 Homs \U0001F600")]
    [InlineData("\u062D\u0644\u0628 \u062F\u0645\u0634\u0642")]
    [InlineData("'; DROP TABLE articles; --")]
    public async Task RetrieveAsync_HostileQuestion_NeverThrows(string question)
    {
        using var f = await SeededAsync();
        var result = await f.Retriever.RetrieveAsync(new RetrievalQuery { Text = question }, CancellationToken.None);
        Assert.NotNull(result.Hits);
        Assert.Equal(6, f.Index.Status.ArticleCount);
    }

    [Fact]
    public async Task RetrieveAsync_HundredKilobyteQuestion_AnswersWithinBounds()
    {
        using var f = await SeededAsync();
        var words = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var result = await f.Retriever.RetrieveAsync(new RetrievalQuery { Text = words + " Homs" }, CancellationToken.None);
        Assert.True(result.QueriesRun.Count <= new RetrievalOptions().MaxTerms + 1);
    }

    [Fact]
    public async Task RetrieveAsync_Period_RanksArticlesPublishedInItFirst()
    {
        using var f = new IndexFixture();
        f.Reader.Put("old", "Government forces shelled Homs.", "UPI", new DateOnly(2013, 5, 1));
        f.Reader.Put("new", "Government forces shelled Homs.", "UPI", new DateOnly(2016, 5, 1));
        await f.UpdateAsync();

        var in2013 = await f.SearchAsync("shelling of Homs", period: new DateRange(new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 31)));
        var in2016 = await f.SearchAsync("shelling of Homs", period: new DateRange(new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 31)));

        Assert.Equal(["old", "new"], in2013);
        Assert.Equal(["new", "old"], in2016);
    }

    [Fact]
    public async Task RetrieveAsync_OneOutletDominates_OtherOutletsStillGetSlots()
    {
        using var f = new IndexFixture();
        for (var i = 0; i < 6; i++)
        {
            f.Reader.Put($"upi-{i}", "Palmyra Palmyra Palmyra siege Palmyra.", "UPI");
        }

        f.Reader.Put("arab", "Palmyra siege reported, with other news about the weather and markets today.", "The New Arab");
        await f.UpdateAsync();

        var result = await f.Retriever.RetrieveAsync(new RetrievalQuery { Text = "Palmyra siege", Limit = 3 }, CancellationToken.None);

        Assert.Contains(result.Hits, h => h.Article.Outlet == "The New Arab");
    }

    [Fact]
    public async Task RetrieveAsync_NoIndexYet_ReturnsNoHits()
    {
        using var f = new IndexFixture();
        var result = await f.Retriever.RetrieveAsync(new RetrievalQuery { Text = "Palmyra" }, CancellationToken.None);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task ExhaustiveSearch_Question_ReturnsPassageIdsByBm25()
    {
        using var f = await SeededAsync();
        Assert.Equal(["hezbollah#0"], f.Retriever.ExhaustiveSearch("Hizbollah", 10, CancellationToken.None));
    }
}
