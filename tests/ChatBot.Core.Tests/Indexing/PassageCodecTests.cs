using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;
using System.Text.Json;
using ChatBot.Core.Indexing;
using ChatBot.Core.Tests.Attribution;

namespace ChatBot.Core.Tests.Indexing;

public sealed class PassageCodecTests
{
    private const string Text = "Rebels took the town. At least 10 fighters were killed on Friday, the Observatory said. It rained.";

    private static readonly Sentence[] Sentences =
    [
        new() { Index = 4, Start = 0, Text = "Rebels took the town." },
        new() { Index = 5, Start = 22, Text = "At least 10 fighters were killed on Friday, the Observatory said." },
        new() { Index = 6, Start = 88, Text = "It rained." },
    ];

    [Fact]
    public void EncodeClaims_EveryFieldSet_RoundTripsEveryField()
    {
        var claim = new Claim
        {
            SentenceIndex = 5,
            Source = new AttributedSource { Name = "the Observatory", Kind = SourceKind.Monitor, Cue = "said", Via = "AFP", NamedInSentence = true },
            OtherSources = [new AttributedSource { Name = "Moscow", Kind = SourceKind.Government, Cue = "denied" }],
            Hedges = [new Hedge(HedgeKind.Alleged, "allegedly"), new Hedge(HedgeKind.RefusedToAdmit, "refused to admit")],
            Figures =
            [
                new Figure { Text = "at least 10", Value = 10, Low = 10, Unit = "fighters", Counts = "killed", Qualifier = "at least" },
                new Figure { Text = "zero", Value = 0, Low = 0, High = 0 },
            ],
            RefersTo = new DateOnly(2016, 3, 4),
            LoadedTerms = ["terrorists", "liberated"],
        };

        var decoded = PassageCodec.DecodeClaims(PassageCodec.EncodeClaims([claim]), Sentences);

        var back = decoded[1];
        Assert.Equal(claim.SentenceIndex, back.SentenceIndex);
        Assert.Equal(claim.Source, back.Source);
        Assert.Equal(claim.OtherSources, back.OtherSources);
        Assert.Equal(claim.Hedges, back.Hedges);
        Assert.Equal(claim.Figures, back.Figures);
        Assert.Equal(claim.RefersTo, back.RefersTo);
        Assert.Equal(claim.LoadedTerms, back.LoadedTerms);
        Assert.True(back.IsHedged);
    }

    [Fact]
    public void EncodeClaims_PlainClaimsBesideOneWithOnlyOtherSources_KeepsItAndFillsThePlainOnes()
    {
        var claims = new[]
        {
            new Claim { SentenceIndex = 4 },
            new Claim { SentenceIndex = 5, OtherSources = [new AttributedSource { Name = "activists", Kind = SourceKind.Unnamed }] },
            new Claim { SentenceIndex = 6 },
        };

        var decoded = PassageCodec.DecodeClaims(PassageCodec.EncodeClaims(claims), Sentences);

        Assert.Equal([4, 5, 6], decoded.Select(c => c.SentenceIndex));
        Assert.Equal("activists", Assert.Single(decoded[1].OtherSources).Name);
        Assert.Null(decoded[0].Source);
        Assert.Empty(decoded[2].Figures);
    }

    [Fact]
    public void DecodeClaims_ArticleBlob_PicksThePassagesSentencesOnly()
    {
        var blob = PassageCodec.EncodeClaims(
        [
            new Claim { SentenceIndex = 1, LoadedTerms = ["bandits"] },
            new Claim { SentenceIndex = 5, LoadedTerms = ["terrorists"] },
        ]);

        var decoded = PassageCodec.DecodeClaims(blob, Sentences);

        Assert.Equal([4, 5, 6], decoded.Select(c => c.SentenceIndex));
        Assert.Equal([[], ["terrorists"], []], decoded.Select(c => c.LoadedTerms));
    }

    [Fact]
    public void DecodeClaims_StringsFirstWrittenBySkippedClaims_ComeBackWhole()
    {
        // Sentences 1 and 2 are not asked for: their strings are stepped over, yet sentence 5 refers back to them.
        var source = new AttributedSource { Name = "the Observatory", Kind = SourceKind.Monitor, Cue = "said", Via = "AFP" };
        var blob = PassageCodec.EncodeClaims(
        [
            new Claim { SentenceIndex = 1, Source = source, Figures = [new Figure { Text = "12", Value = 12.5, Low = 12, Unit = "civilians" }] },
            new Claim { SentenceIndex = 2, Hedges = [new Hedge(HedgeKind.Alleged, "reportedly")], RefersTo = new DateOnly(2016, 3, 4), LoadedTerms = ["regime"] },
            new Claim { SentenceIndex = 5, Source = source, Hedges = [new Hedge(HedgeKind.Alleged, "reportedly")], Figures = [new Figure { Text = "12", Value = 12, Unit = "civilians" }], LoadedTerms = ["regime"] },
            new Claim { SentenceIndex = 5, LoadedTerms = ["ignored: the first claim of a sentence wins"] },
        ]);

        var decoded = PassageCodec.DecodeClaims(blob, Sentences);

        Assert.Equal([4, 5, 6], decoded.Select(c => c.SentenceIndex));
        Assert.Equal(source, decoded[1].Source);
        Assert.Equal([new Hedge(HedgeKind.Alleged, "reportedly")], decoded[1].Hedges);
        Assert.Equal([new Figure { Text = "12", Value = 12, Unit = "civilians" }], decoded[1].Figures);
        Assert.Equal(["regime"], decoded[1].LoadedTerms);
        Assert.Null(decoded[0].Source);
        Assert.Empty(decoded[2].LoadedTerms);
    }

    [Fact]
    public void EncodeClaims_SeedCorpusClaims_DecodeToTheSameClaims()
    {
        foreach (var id in SeedCorpus.ArticleIds)
        {
            var seed = SeedCorpus.Load(id);
            var sentences = seed.Passages.SelectMany(p => p.Sentences).ToArray();

            var decoded = PassageCodec.DecodeClaims(PassageCodec.EncodeClaims(seed.Claims), sentences);

            // Records compare their lists by reference, so compare every field through their JSON.
            Assert.Equal(JsonSerializer.Serialize(seed.Claims), JsonSerializer.Serialize(decoded));
        }
    }

    [Fact]
    public void DecodeClaims_SeedCorpusSentencesOneAtATime_SameClaimsAsTheWholeArticle()
    {
        // Retrieval decodes the sentences of the chosen passages only: every claim before them is stepped over, and a
        // string it first wrote must still be found by a later claim.
        foreach (var id in SeedCorpus.ArticleIds)
        {
            var seed = SeedCorpus.Load(id);
            var sentences = seed.Passages.SelectMany(p => p.Sentences).ToArray();
            var blob = PassageCodec.EncodeClaims(seed.Claims);
            var whole = PassageCodec.DecodeClaims(blob, sentences);

            for (var i = 0; i < sentences.Length; i++)
            {
                var alone = Assert.Single(PassageCodec.DecodeClaims(blob, [sentences[i]]));
                Assert.Equal(JsonSerializer.Serialize(whole[i]), JsonSerializer.Serialize(alone));
            }
        }
    }

    [Fact]
    public void EncodeClaims_RepeatedAndNonAsciiStrings_RoundTrip()
    {
        var source = new AttributedSource { Name = "al-Masd\u00e2r \u0627\u0644\u0645\u0635\u062f\u0631", Kind = SourceKind.Monitor, Cue = "said" };
        var claims = Enumerable.Range(4, 3).Select(i => new Claim
        {
            SentenceIndex = i,
            Source = source,
            OtherSources = [source with { Cue = "denied", NamedInSentence = true }],
            Figures = [new Figure { Text = "1,000", Value = 1000.5, High = double.MaxValue, Unit = "said" }],
            RefersTo = DateOnly.MinValue.AddDays(i * 100_000),
        }).ToArray();

        var decoded = PassageCodec.DecodeClaims(PassageCodec.EncodeClaims(claims), Sentences);

        Assert.Equal(JsonSerializer.Serialize(claims), JsonSerializer.Serialize(decoded));
    }

    [Fact]
    public void EncodeClaims_AllPlain_Null()
    {
        Assert.Null(PassageCodec.EncodeClaims([new Claim { SentenceIndex = 4 }, new Claim { SentenceIndex = 5 }]));
    }

    [Fact]
    public void EncodeSentences_RoundTrip_ExactSubstringsOfTheText()
    {
        var decoded = PassageCodec.DecodeSentences(PassageCodec.EncodeSentences(Sentences), Text);

        Assert.Equal(Sentences, decoded);
    }

    [Fact]
    public void EncodeContext_RoundTrip_RangesAndTheirText()
    {
        var (ranges, text) = PassageCodec.DecodeContext(PassageCodec.EncodeContext([new TextRange(0, 21), new TextRange(88, 10)]), Text);

        Assert.Equal([new TextRange(0, 21), new TextRange(88, 10)], ranges);
        Assert.Equal("Rebels took the town. It rained.", text);
    }
}
