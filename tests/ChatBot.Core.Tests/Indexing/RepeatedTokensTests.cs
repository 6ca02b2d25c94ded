using ChatBot.Core.Indexing;

namespace ChatBot.Core.Tests.Indexing;

public class RepeatedTokensTests
{
    [Fact]
    public void Repeats_NoTokenTwice_IsNull() => Assert.Null(Encode("aleppo siege lift"));

    [Fact]
    public void TryReadNext_WhatTheBuildWrites_ReadsEachRepeatedTokenWithItsCount()
    {
        var encoded = Encode("bomb car bomb aleppo car bomb");
        Assert.Equal("bomb 3 car 2", encoded);

        var rest = encoded.AsSpan();
        var read = new List<(string, int)>();
        while (RepeatedTokens.TryReadNext(ref rest, out var token, out var count))
        {
            read.Add((token.ToString(), count));
        }

        Assert.Equal([("bomb", 3), ("car", 2)], read);
    }

    [Fact]
    public void TryReadNext_TokenWithoutCount_StopsWithoutThrowing()
    {
        var rest = "bomb".AsSpan();
        Assert.False(RepeatedTokens.TryReadNext(ref rest, out _, out _));
        Assert.True(rest.IsEmpty);
    }

    // What a build stores for an analysed passage.
    private static string? Encode(string indexText)
    {
        var builder = new IndexTextBuilder();
        try
        {
            foreach (var token in indexText.Split(' '))
            {
                builder.Add(token, isAlias: false);
            }

            return builder.Repeats();
        }
        finally
        {
            builder.Dispose();
        }
    }
}
