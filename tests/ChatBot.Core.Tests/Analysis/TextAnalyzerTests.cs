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
}
