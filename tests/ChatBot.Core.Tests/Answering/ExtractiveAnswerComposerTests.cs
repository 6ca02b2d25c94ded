using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Answering;

public sealed class ExtractiveAnswerComposerTests
{
    private static readonly SimpleTextAnalyzer Analyzer = new();

    private static readonly ArticleMetadata NewArab = new()
    {
        Id = "newarab-aleppo-fate", Outlet = "The New Arab", Title = "Aleppo's fate", Published = new DateOnly(2015, 10, 27),
    };

    [Fact]
    public async Task ComposeAsync_OutletVoice_AttributesAndCitesTheExactSentence()
    {
        var sentence = "Heavy Russian bombing of Aleppo and other provinces has forced 120,000 Syrians to flee for safety.";
        var answer = await ComposeAsync("How many Syrians fled Russian bombing of Aleppo?", Evidence.Hit(NewArab, (sentence, null)));

        Assert.False(answer.Refused);
        Assert.Equal("The New Arab reported that heavy Russian bombing of Aleppo and other provinces has forced 120,000 Syrians to flee for safety [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(sentence, citation.Quote);
        Assert.Equal("newarab-aleppo-fate", citation.ArticleId);
        Assert.Null(citation.Source);
    }

    [Fact]
    public async Task ComposeAsync_SourceFromAnEarlierSentence_NamesTheChain()
    {
        var commander = new AttributedSource { Name = "a commander in the military alliance", Kind = SourceKind.Unnamed, Via = "Reuters", NamedInSentence = false };
        var hit = Evidence.Hit(new ArticleMetadata { Id = "ea", Outlet = "EA WorldView", Published = new DateOnly(2017, 9, 30) },
            ("The commander said at least 10 Hezbollah fighters had been killed.", commander));

        var answer = await ComposeAsync("How many Hezbollah fighters were killed?", hit);

        Assert.StartsWith("EA WorldView, citing a commander in the military alliance speaking to Reuters, reported that the commander said at least 10 Hezbollah fighters had been killed [1].", answer.Text, StringComparison.Ordinal);
        Assert.Equal("a commander in the military alliance", answer.Citations[0].Source);
        Assert.Equal(SourceKind.Unnamed, answer.Citations[0].SourceKind);
    }

    [Fact]
    public async Task ComposeAsync_NameNoArticleMentions_RefusesNamingIt()
    {
        var hit = Evidence.Hit("ea", "EA WorldView", new DateOnly(2017, 9, 30), "ISIS fighters seized gas and oil fields near Deir ez-Zor.");

        var answer = await ComposeAsync("Who captured the Jafra oil fields?", hit);

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
        Assert.Contains("Jafra", answer.Text, StringComparison.Ordinal);
        Assert.Contains("does not say", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_NothingRelevant_Refuses()
    {
        var hit = Evidence.Hit("upi", "UPI", new DateOnly(2015, 10, 11), "Forces loyal to Assad had been pushed into positions in western Syria.");

        var answer = await ComposeAsync("What is the weather forecast for Damascus?", hit);

        Assert.True(answer.Refused);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_SameFactTwice_KeepsOne()
    {
        var a = Evidence.Hit("upi", "UPI", new DateOnly(2015, 10, 11), "IS forces seized the ancient ruins of Palmyra over the summer.");
        var b = Evidence.Hit("other", "The New Arab", new DateOnly(2015, 10, 12), "Over the summer IS forces seized the ancient ruins of Palmyra.");

        var answer = await ComposeAsync("What happened to the ancient ruins of Palmyra?", a, b);

        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_ReportsOfDifferentDates_DatedAndInDateOrder()
    {
        var later = Evidence.Hit("later", "The New Arab", new DateOnly(2016, 12, 9), "Regime forces recaptured Palmyra in March, but IS came within four kilometres of Palmyra.");
        var earlier = Evidence.Hit("earlier", "UPI", new DateOnly(2015, 10, 11), "IS forces over the summer seized the ancient ruins of Palmyra.");

        var answer = await ComposeAsync("Who holds Palmyra?", later, earlier);

        var upi = answer.Text.IndexOf("UPI", StringComparison.Ordinal);
        var newArab = answer.Text.IndexOf("The New Arab", StringComparison.Ordinal);
        Assert.True(upi >= 0 && newArab > upi, answer.Text);
        Assert.Contains("UPI reported on 11 October 2015 that", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Parts, p => p.Kind == AnswerPartKind.Note && p.Text.Contains("9 December 2016", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_Dispute_ListsEachPositionWithItsClaimantAndCitation()
    {
        var islamicState = new AttributedSource { Name = "Islamic State", Kind = SourceKind.ArmedGroup, NamedInSentence = true };
        var commander = new AttributedSource { Name = "a commander", Kind = SourceKind.Unnamed, Via = "Reuters" };
        var hit = Evidence.Hit(new ArticleMetadata { Id = "ea", Outlet = "EA WorldView", Published = new DateOnly(2017, 9, 30) },
            ("The commander said at least 10 Hezbollah fighters had been killed.", commander),
            ("The Islamic State said on Friday that more than 50 pro-Assad troops were slain.", islamicState));
        var sentences = hit.Passage.Sentences.Select((s, i) => new EvidenceSentence(hit, s, hit.Claims[i])).ToList();
        var dispute = new DetectedDispute
        {
            Kind = DisputeKind.Conflict,
            Topic = "pro-Assad losses",
            Positions = [new DetectedPosition(sentences[1], "Islamic State"), new DetectedPosition(sentences[0], "a commander speaking to Reuters")],
        };

        var answer = await ComposeAsync("How many pro-Assad fighters were killed?", [dispute], hit);

        var section = Assert.Single(answer.Parts, p => p.Kind == AnswerPartKind.Disagreements);
        Assert.Contains("Islamic State (reported by EA WorldView)", section.Text, StringComparison.Ordinal);
        var reported = Assert.Single(answer.Disputes);
        Assert.Equal(DisputeKind.Conflict, reported.Kind);
        Assert.All(reported.Positions, p => Assert.Contains($"[{p.Citation}]", answer.Text, StringComparison.Ordinal));
        Assert.Equal(2, answer.Citations.Count);
    }

    [Fact]
    public async Task ComposeAsync_EveryQuote_IsAnExactSubstringOfItsPassage()
    {
        var hit = Evidence.Hit("n", "The New Arab", new DateOnly(2015, 10, 27),
            "IS\u00a0militants allegedly cut the route earlier\u00a0this week after they captured a checkpoint in Therian, south of Aleppo.",
            "Syrian troops now face a siege near Aleppo.");

        var answer = await ComposeAsync("What did IS cut near Aleppo?", hit);

        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(c.Quote, hit.Passage.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_PlaceNamedJustBefore_ResolvedInBracketsAndQuoteUnchanged()
    {
        var hit = Evidence.Hit("n", "The New Arab", new DateOnly(2016, 12, 9),
            "IS militants seized the village of Jazal, northwest of Palmyra, in the ongoing assault.",
            "The IS advance brought the militants to within four kilometres of the desert city, which regime forces recaptured in March.");

        var answer = await ComposeAsync("How close did IS get to Palmyra?", hit);

        Assert.Contains("of the desert city [Palmyra], which", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.Quote == hit.Passage.Sentences[1].Text);
    }

    private static Task<Answer> ComposeAsync(string question, params PassageHit[] hits) => ComposeAsync(question, [], hits);

    private static Task<Answer> ComposeAsync(string question, IReadOnlyList<DetectedDispute> disputes, params PassageHit[] hits)
    {
        var composer = new ExtractiveAnswerComposer(Analyzer, Options.Create(new AnsweringOptions()));
        return composer.ComposeAsync(new CompositionContext
        {
            Question = question,
            StandaloneQuestion = question,
            Evidence = hits,
            Disputes = disputes,
            Prompts = TestPrompts.Default,
        }, CancellationToken.None);
    }
}
