using ChatBot.Core.Indexing;

namespace ChatBot.Core.Tests.Indexing;

public sealed class BrotliTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Rebels took the town.")]
    [InlineData("Idlib — «قصف» 2016\r\nsecond line 😀")]
    public void Compress_AnyText_DecompressesToTheSameString(string text)
    {
        Assert.Equal(text, BrotliText.Decompress(BrotliText.Compress(text)));
    }

    [Fact]
    public void Compress_LongEnglishText_SmallerThanItsUtf8()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"Shelling killed {i} civilians in Aleppo on Friday, the Observatory said. "));

        Assert.True(BrotliText.Compress(text).Length < text.Length / 4);
    }
}
