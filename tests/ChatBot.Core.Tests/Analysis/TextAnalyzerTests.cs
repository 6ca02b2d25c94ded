using ChatBot.Core.Analysis;

namespace ChatBot.Core.Tests.Analysis;

public class TextAnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = new(AliasTableLoader.Parse(
        """
        - name: Islamic State
          variants: [IS, ISIS, Daesh, Islamic State of Iraq and the Levant]
        - name: Hezbollah
          variants: [Hizbollah]
        - name: Deir ez-Zor
          variants: [Deir al-Zor, Deir Ezzor]
        - name: Syrian army
          variants: [SAA, regime forces]
        - name: Bashar al-Assad
          variants: [Assad]
        - name: Assad's forces
          variants: []
        """,
        "aliases.yaml"));

    private static readonly string[] Forms = ["advance", "advances", "advanced", "advancing"];

    [Theory]
    [InlineData("Deir al-Zor", "Deir ez-Zor")]
    [InlineData("Deir Ezzor", "Deir ez\u2013Zor")]
    [InlineData("Daesh", "Islamic State")]
    [InlineData("ISIS", "the Islamic State")]
    [InlineData("Hizbollah", "Hezbollah")]
    [InlineData("SAA", "regime forces")]
    public void Terms_SpellingVariants_GiveTheSameToken(string variant, string canonical)
    {
        Assert.Equal(Analyzer.Terms(canonical), Analyzer.Terms(variant));
    }

    [Fact]
    public void Terms_CapitalIS_IsTheGroup()
    {
        Assert.Equal(["islamicstate", "fighter"], Analyzer.Terms("IS fighters"));
    }

    [Fact]
    public void Terms_VerbIs_IsDroppedNotTheGroup()
    {
        Assert.Equal(["situation", "aleppo"], Analyzer.Terms("What is the situation in Aleppo?"));
    }

    [Fact]
    public void Terms_ShoutedSentence_DoesNotTurnIsIntoTheGroup()
    {
        Assert.DoesNotContain("islamicstate", Analyzer.Terms("WHAT IS HAPPENING"));
    }

    [Fact]
    public void Terms_LongestVariant_WinsOverItsPrefix()
    {
        Assert.Equal(["islamicstate"], Analyzer.Terms("Islamic State of Iraq and the Levant"));
        Assert.Equal(["assadsforces"], Analyzer.Terms("Assad\u2019s forces"));
    }

    [Fact]
    public void Terms_ThousandsSeparator_JoinsTheNumber()
    {
        Assert.Equal(["120000", "syrian", "fled"], Analyzer.Terms("120,000 Syrians fled"));
    }

    [Fact]
    public void Terms_TypographicMarksAndNonBreakingSpaces_FoldToPlainText()
    {
        Assert.Equal(
            Analyzer.Terms("cannot be independently verified, \"officials\" said. Assad's"),
            Analyzer.Terms("cannot\u00a0be independently verified, \u201cofficials\u201d said. Assad\u2019s"));
    }

    [Fact]
    public void Terms_Diacritics_AreFolded()
    {
        Assert.Equal(Analyzer.Terms("Mayadin Hama"), Analyzer.Terms("Mayād\u012Bn \u1E24ama"));
    }

    [Fact]
    public void Terms_InflectedForms_ShareAStem()
    {
        var forms = Forms.Select(w => Assert.Single(Analyzer.Terms(w))).Distinct();
        Assert.Single(forms);
        Assert.Equal(Analyzer.Terms("city"), Analyzer.Terms("cities"));
    }

    [Fact]
    public void Terms_StopWordAndAliasTogether_KeepsOnlyContent()
    {
        Assert.Equal(["hezbollah", "road"], Analyzer.Terms("the Hizbollah and the road"));
    }

    [Fact]
    public void Tokens_Passage_AliasCanonicalAndStemmed()
    {
        Assert.Equal("islamicstate captur palmyra", string.Join(' ', Analyzer.Tokens("IS captured Palmyra.")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"\" *** ^^^ ((( )))")]
    [InlineData("\U0001F600\U0001F4A5")]
    public void Terms_NoWords_IsEmpty(string text)
    {
        Assert.Empty(Analyzer.Terms(text));
    }

    [Fact]
    public void Terms_ArabicText_GivesArabicTerms()
    {
        Assert.Equal(2, Analyzer.Terms("\u062D\u0644\u0628 \u062F\u0645\u0634\u0642").Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(60)]
    public void Terms_RepeatsShortOrLongText_EachTokenOnceInOrderOfFirstUse(int distinct)
    {
        // Short texts find a repeat by scanning, long ones through a set: both give the distinct tokens in order.
        var words = Enumerable.Range(0, distinct).Select(Word).ToList();
        var text = string.Join(' ', words.Concat(words.AsEnumerable().Reverse()).Concat(words));

        var tokens = Analyzer.Tokens(text);
        var terms = Analyzer.Terms(text);

        Assert.Equal(tokens.Distinct(StringComparer.Ordinal), terms);
        Assert.Equal(distinct, terms.Count);
    }

    [Fact]
    public void Tokens_ThreadsWordCacheEmptyWarmOrFull_SameTokens()
    {
        // Each thread remembers what the filters made of a word, and stops taking words when full: neither may change
        // the tokens. Fresh threads start with an empty cache.
        const string text = "WHAT IS HAPPENING: IS fighters, the Islamic State of Iraq and the Levant, advanced on Deir al-Zor "
            + "as regime forces withdrew; Assad's forces and Hizbollah said Daesh ISIS fighters is advancing. \u00C9lite troops' 1,200 sorties.";
        const string more = text + " zzqx zzqy";
        var fresh = OnNewThread(() => Analyzer.Tokens(text));
        var freshMore = OnNewThread(() => Analyzer.Tokens(more));

        var (warm, full) = OnNewThread(() =>
        {
            var first = Analyzer.Tokens(text);
            Assert.Equal(fresh, first);
            var again = Analyzer.Tokens(text);

            // More distinct words than the cache holds (32K), none of them in the text.
            Analyzer.Tokens(string.Join(' ', Enumerable.Range(0, 40_000).Select(Word)));
            return (again, Analyzer.Tokens(more));
        });

        Assert.Equal(fresh, warm);
        Assert.Equal(freshMore, full);
        Assert.Equal(fresh.Count + 2, full.Count);
    }

    private static string Word(int n)
    {
        var chars = new char[4];
        for (var k = 0; k < chars.Length; k++, n /= 26)
        {
            chars[k] = (char)('a' + (n % 26));
        }

        return "q" + new string(chars);
    }

    private static T OnNewThread<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("the analysis thread failed", failure);
    }
}
