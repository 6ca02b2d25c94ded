using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Core.Tests.Attribution;

public class LexicalClaimExtractorTests
{
    private const string DividedFronts = "newarab-divided-fronts";
    private const string AleppoFate = "newarab-aleppo-fate";
    private const string Duran = "duran-palmyra-advance";
    private const string EaWorldView = "eaworldview-isis-counterattack";
    private const string Upi = "upi-regime-regains";

    [Fact]
    public void Extract_SeedArticles_OneClaimPerSentenceInOrder()
    {
        foreach (var id in SeedCorpus.ArticleIds)
        {
            var seed = SeedCorpus.Load(id);
            var sentences = seed.Passages.SelectMany(p => p.Sentences).ToList();
            Assert.Equal(sentences.Count, seed.Claims.Count);
            Assert.Equal(sentences.Select(s => s.Index), seed.Claims.Select(c => c.SentenceIndex));
        }
    }

    [Fact]
    public void Extract_OutletsOwnVoice_HasNoSource()
    {
        var claim = SeedCorpus.ClaimOf(DividedFronts, "The IS advance brought the militants to within four kilometres");

        Assert.Null(claim.Source);
    }

    [Fact]
    public void Extract_TrailingAttribution_NamesCatalogSourceAndKind()
    {
        var claim = SeedCorpus.ClaimOf(DividedFronts, "IS militants seized government checkpoints");

        Assert.Equal("Syrian Observatory for Human Rights", claim.Source?.Name);
        Assert.Equal(SourceKind.Monitor, claim.Source?.Kind);
        Assert.Equal("said", claim.Source?.Cue);
        Assert.True(claim.Source?.NamedInSentence);
    }

    [Fact]
    public void Extract_CommanderToldReuters_SourceWithVia()
    {
        var claim = SeedCorpus.ClaimOf(EaWorldView, "told Reuters earlier on Friday");

        Assert.Equal("a commander", claim.Source?.Name);
        Assert.Equal(SourceKind.Unnamed, claim.Source?.Kind);
        Assert.Equal("told", claim.Source?.Cue);
        Assert.Equal("Reuters", claim.Source?.Via);
    }

    [Fact]
    public void Extract_TheCommanderSaid_InheritsCommanderAndReutersFromEarlierSentence()
    {
        var claim = SeedCorpus.ClaimOf(EaWorldView, "The commander said at least 10 Hezbollah fighters");

        Assert.Equal("a commander", claim.Source?.Name);
        Assert.Equal("Reuters", claim.Source?.Via);
        Assert.Equal("said", claim.Source?.Cue);
        Assert.False(claim.Source?.NamedInSentence);
    }

    [Fact]
    public void Extract_DirectorOfTheObservatoryToldAfp_ObservatoryViaAfp()
    {
        var claim = SeedCorpus.ClaimOf(AleppoFate, "Rami Abdel Rahman, directors of the observatory, told AFP");

        Assert.Equal("Syrian Observatory for Human Rights", claim.Source?.Name);
        Assert.Equal("AFP", claim.Source?.Via);
    }

    [Fact]
    public void Extract_SecondQuotedSentenceOfSpeaker_InheritsHezbollahMediaUnit()
    {
        var first = SeedCorpus.ClaimOf(EaWorldView, "completely secured the Deir al-Zor-Palmyra highway");
        var second = SeedCorpus.ClaimOf(EaWorldView, "The highway has become passable");

        Assert.Equal("Hezbollah media unit", first.Source?.Name);
        Assert.Equal(SourceKind.ArmedGroupMedia, first.Source?.Kind);
        Assert.Equal("Hezbollah media unit", second.Source?.Name);
        Assert.False(second.Source?.NamedInSentence);
    }

    [Fact]
    public void Extract_ThisAccordingToStatement_AttributesEarlierSentencesOfParagraph()
    {
        var estimate = SeedCorpus.ClaimOf(Duran, "around 4,000 ISIS fighters are heading back to Palmyra");
        var equipment = SeedCorpus.ClaimOf(Duran, "They are bringing heavy equipment");
        var next = SeedCorpus.ClaimOf(Duran, "This comes just days after Barack Obama");

        Assert.Equal("Russian Ministry of Defence", estimate.Source?.Name);
        Assert.Equal("Russian Ministry of Defence", equipment.Source?.Name);
        Assert.Equal(SourceKind.Government, equipment.Source?.Kind);
        Assert.Null(next.Source);
    }

    [Fact]
    public void Extract_AmaqDistributedVideo_AttributedToAmaqWithClaimedHedge()
    {
        var claim = SeedCorpus.ClaimOf(DividedFronts, "Amaq News Agency distributed video showed");

        Assert.Equal("Amaq News Agency", claim.Source?.Name);
        Assert.Equal("distributed video showed", claim.Source?.Cue);
        Assert.Contains(claim.Hedges, h => h.Kind == HedgeKind.Claimed);
        Assert.Empty(claim.OtherSources);
    }

    [Fact]
    public void Extract_SourceNotInCatalog_AttributedByArticlesWords()
    {
        var claim = SeedCorpus.ClaimOf(AleppoFate, "Amar al-Halaby, a Syrian journalist, told Syria Direct");

        Assert.StartsWith("Amar al-Halaby", claim.Source?.Name, StringComparison.Ordinal);
        Assert.Equal(SourceKind.Unknown, claim.Source?.Kind);
        Assert.Equal("Syria Direct", claim.Source?.Via);
    }

    [Fact]
    public void Extract_ClaimAndAccusationInOneSentence_KeepsBothSources()
    {
        var claim = SeedCorpus.ClaimOf(Upi, "Russia maintains it is conducting airstrikes");

        Assert.Equal("Russia", claim.Source?.Name);
        Assert.Equal("maintains", claim.Source?.Cue);
        var accuser = Assert.Single(claim.OtherSources);
        Assert.Equal("activists and Western officials", accuser.Name);
        Assert.Equal("accuse", accuser.Cue);
    }

    [Fact]
    public void Extract_CoordinatedSubject_NamesBothAndTakesTheIndependentKind()
    {
        var claim = SeedCorpus.ClaimOf(Upi, "Opposition activists and Syrian state news report");

        Assert.Equal("activists and Syrian state news", claim.Source?.Name);
        Assert.Equal(SourceKind.Unnamed, claim.Source?.Kind);
    }

    [Fact]
    public void Extract_RefusedToAdmit_PartyKeptAsOtherSourceAndOutletVoice()
    {
        var claim = SeedCorpus.ClaimOf(EaWorldView, "The regime military initially refused to admit losses");

        Assert.Null(claim.Source);
        Assert.Equal("Syrian army", Assert.Single(claim.OtherSources).Name);
        Assert.Contains(claim.Hedges, h => h.Kind == HedgeKind.RefusedToAdmit);
    }

    [Theory]
    [InlineData(AleppoFate, "IS militants allegedly cut the route", HedgeKind.Alleged, "allegedly")]
    [InlineData(AleppoFate, "A video posted on YouTube appears to show", HedgeKind.Unverifiable, "cannot be independently verified")]
    [InlineData(AleppoFate, "A video posted on YouTube appears to show", HedgeKind.Appears, "appears to")]
    [InlineData(Upi, "was reported to have made significant gains", HedgeKind.Reported, "was reported to")]
    [InlineData(Upi, "countrywide counter-attack, according to reports", HedgeKind.Reported, "according to reports")]
    [InlineData(DividedFronts, "what it says were Syrian soldiers", HedgeKind.Claimed, "what it says")]
    public void Extract_HedgedSentence_FindsHedge(string articleId, string fragment, HedgeKind kind, string cue)
    {
        var claim = SeedCorpus.ClaimOf(articleId, fragment);

        Assert.Contains(claim.Hedges, h => h.Kind == kind && h.Cue == cue);
    }

    [Fact]
    public void Extract_UnverifiableAcrossNonBreakingSpace_FoundInExactText()
    {
        var evidence = SeedCorpus.Evidence(AleppoFate, "A video posted on YouTube");

        Assert.Contains('\u00a0', evidence.Sentence.Text);
        Assert.Contains(evidence.Claim.Hedges, h => h.Kind == HedgeKind.Unverifiable);
    }

    [Theory]
    [InlineData(EaWorldView, "The commander said at least 10", "at least 10", 10d, 10d, null, "fighters", "killed", "at least")]
    [InlineData(EaWorldView, "more than 50 pro-Assad troops were slain", "more than 50", 50d, 50d, null, "troops", "killed", "more than")]
    [InlineData(AleppoFate, "forced 120,000 Syrians to flee", "120,000", 120000d, 120000d, 120000d, "syrians", "fled", null)]
    [InlineData(DividedFronts, "captured almost 80 percent", "almost 80", 80d, null, 80d, "percent", "captured", "almost")]
    [InlineData(Upi, "40,000 square miles", "40,000", 40000d, 40000d, 40000d, "square miles", null, null)]
    [InlineData(Upi, "64 combat sorties", "64", 64d, 64d, 64d, "sorties", null, null)]
    [InlineData(DividedFronts, "within four kilometres", "four", 4d, 4d, 4d, "km", null, null)]
    [InlineData(DividedFronts, "killing 15 troops and allied fighters", "15", 15d, 15d, 15d, "troops", "killed", null)]
    [InlineData(Duran, "around 4,000 ISIS fighters", "around 4,000", 4000d, null, null, "fighters", null, "around")]
    [InlineData(Duran, "by 300 ISIS fighters", "300", 300d, 300d, 300d, "fighters", null, null)]
    public void Extract_Figure_ReadsValueBoundsUnitAndCount(string articleId, string fragment, string text, double value, double? low, double? high, string unit, string? counts, string? qualifier)
    {
        var claim = SeedCorpus.ClaimOf(articleId, fragment);

        var figure = Assert.Single(claim.Figures, f => f.Text == text);
        Assert.Equal(value, figure.Value);
        Assert.Equal(low, figure.Low);
        Assert.Equal(high, figure.High);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(counts, figure.Counts);
        Assert.Equal(qualifier, figure.Qualifier);
    }

    [Fact]
    public void Extract_KilometresWithMilesInParentheses_ReadsBoth()
    {
        var claim = SeedCorpus.ClaimOf(EaWorldView, "Twelve other people died in Harem");

        Assert.Contains(claim.Figures, f => f.Value == 12 && f.Unit == "people" && f.Counts == "killed");
        Assert.Contains(claim.Figures, f => f.Value == 20 && f.Unit == "km");
        Assert.Contains(claim.Figures, f => f.Value == 12.5 && f.Unit == "miles");
    }

    [Theory]
    [InlineData(DividedFronts, "in the past 24-hours to 49")]
    [InlineData(Upi, "Mastouma, in Idlib City, Syria, May 19, 2015")]
    [InlineData(Upi, "Russia's intervention on Sept. 30")]
    [InlineData(EaWorldView, "on September 19, even though")]
    [InlineData(DividedFronts, "controlled by rebels since 2012")]
    [InlineData(EaWorldView, "broken the three-year Islamic State siege")]
    public void Extract_DatesYearsAndDurations_AreNotCountedFigures(string articleId, string fragment)
    {
        var claim = SeedCorpus.ClaimOf(articleId, fragment);

        Assert.DoesNotContain(claim.Figures, f => f.Value is 24 or 19 or 2015 or 30 or 2012 or 3 || f.Unit is "hours" or "year");
    }

    [Theory]
    [InlineData(EaWorldView, "On Thursday ISIS exposed the fragility", "2017-09-28")]
    [InlineData(EaWorldView, "The Islamic State said on Friday", "2017-09-29")]
    [InlineData(DividedFronts, "which regime forces recaptured in March", "2016-03-01")]
    [InlineData(DividedFronts, "earlier this year", "2016-01-01")]
    [InlineData(Upi, "Russia's intervention on Sept. 30", "2015-09-30")]
    [InlineData(EaWorldView, "on September 19, even though", "2017-09-19")]
    [InlineData(AleppoFate, "Two weeks ago, Syrian forces launched", "2015-10-13")]
    [InlineData(AleppoFate, "On Tuesday, IS forces entered", "2015-10-27")]
    [InlineData(AleppoFate, "cut the route earlier this week", "2015-10-26")]
    [InlineData(Duran, "Yesterday’s attack on Palmyra", "2016-12-09")]
    public void Extract_TimeExpression_ResolvesAgainstPublishedDate(string articleId, string fragment, string expected)
    {
        var claim = SeedCorpus.ClaimOf(articleId, fragment);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), claim.RefersTo);
    }

    [Theory]
    [InlineData(DividedFronts, "\"[Airstrikes] will continue for as long as the bandits", "bandits")]
    [InlineData(Duran, "which in actual fact means terrorists", "terrorists")]
    [InlineData(Duran, "ISIS and their cronies", "cronies")]
    [InlineData(Upi, "other \"terrorists,\"", "terrorists")]
    public void Extract_LoadedFraming_ListedForTheComposer(string articleId, string fragment, string term)
    {
        var claim = SeedCorpus.ClaimOf(articleId, fragment);

        Assert.Contains(term, claim.LoadedTerms, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Extract_EditedLexicon_FindsAddedLoadedTerm()
    {
        var lexicon = AttributionLexicon.Default with { LoadedTerms = ["traitors"] };
        var (article, passages) = OneSentence("State television called the defectors traitors on Monday.");

        var claim = Assert.Single(new LexicalClaimExtractor(lexicon).Extract(article, passages, SeedCorpus.Catalog));

        Assert.Equal(["traitors"], claim.LoadedTerms);
    }

    [Fact]
    public void Extract_LowercaseVerbIs_NeverReadAsIslamicState()
    {
        var (article, passages) = OneSentence("The road is open again, a local official said.");

        var claim = Assert.Single(new LexicalClaimExtractor().Extract(article, passages, SeedCorpus.Catalog));

        Assert.Equal("a local official", claim.Source?.Name);
        Assert.Equal(SourceKind.Unknown, claim.Source?.Kind);
    }

    [Fact]
    public void Extract_PronounSubject_RefersBackToLastSource()
    {
        var (article, passages) = OneParagraph(
            "The Syrian Observatory for Human Rights said 12 civilians were killed in the strikes.",
            "It said the toll was likely to rise.");

        var claims = new LexicalClaimExtractor().Extract(article, passages, SeedCorpus.Catalog);

        Assert.Equal("Syrian Observatory for Human Rights", claims[1].Source?.Name);
        Assert.False(claims[1].Source?.NamedInSentence);
    }

    [Fact]
    public void Extract_EmptyCatalog_StillAttributesByName()
    {
        var (article, passages) = OneSentence("Rebels shelled the district overnight, the Observatory said.");

        var claim = Assert.Single(new LexicalClaimExtractor().Extract(article, passages, SourceCatalog.Empty));

        Assert.Equal("the Observatory", claim.Source?.Name);
        Assert.Equal(SourceKind.Unknown, claim.Source?.Kind);
    }

    private static (Article Article, IReadOnlyList<Passage> Passages) OneSentence(string text) => OneParagraph(text);

    private static (Article Article, IReadOnlyList<Passage> Passages) OneParagraph(params string[] sentences)
    {
        var text = string.Join(' ', sentences);
        var located = new List<Sentence>();
        var at = 0;
        foreach (var sentence in sentences)
        {
            at = text.IndexOf(sentence, at, StringComparison.Ordinal);
            located.Add(new Sentence { Index = located.Count, Start = at, Text = sentence });
            at += sentence.Length;
        }

        var article = new Article
        {
            Metadata = new ArticleMetadata { Id = "test", Outlet = "Test Outlet", Published = new DateOnly(2016, 12, 9) },
            Text = text,
            SourcePath = "test.txt",
            Segments = [],
        };
        var passage = new Passage { Id = "test#0", ArticleId = "test", Ordinal = 0, Kind = PassageKind.Reporting, Start = 0, Text = text, Sentences = located };
        return (article, [passage]);
    }
}
