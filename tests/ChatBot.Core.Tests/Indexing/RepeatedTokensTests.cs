using ChatBot.Core.Indexing;

namespace ChatBot.Core.Tests.Indexing;

public class RepeatedTokensTests
{
    [Fact]
    public void Encode_NoRepeats_ReturnsNull() => Assert.Null(RepeatedTokens.Encode("aleppo siege lift"));

    [Fact]
    public void Encode_Repeats_ListsEachWithItsCount()
    {
        var encoded = RepeatedTokens.Encode("bomb car bomb aleppo car bomb");
        Assert.Equal("bomb 3 car 2", encoded);
        Assert.Equal(3, RepeatedTokens.Count(encoded, "bomb"));
        Assert.Equal(2, RepeatedTokens.Count(encoded, "car"));
        Assert.Equal(1, RepeatedTokens.Count(encoded, "aleppo"));
        Assert.Equal(1, RepeatedTokens.Count(encoded, "bom"));
    }

    [Fact]
    public void Count_NullEncoding_IsOne() => Assert.Equal(1, RepeatedTokens.Count(null, "homs"));
}
