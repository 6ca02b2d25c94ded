using ChatBot.Server.Widget;

namespace ChatBot.Server.Tests.Widget;

public sealed class MarkdownTextTests
{
    [Fact]
    public void Escape_EveryCharacter_EscapesMarkupDropsControlsKeepsTheRest()
    {
        // Every UTF-16 code unit between two letters: markup characters get a backslash, control characters other than
        // a line break or a tab are dropped, a tab becomes a space, everything else (surrogate halves included) stays.
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var expected = "\\`*_{}[]()<>#+-.!|~&:\"=$^".Contains(c, StringComparison.Ordinal) ? $"a\\{c}b"
                : c == '\t' ? "a b"
                : char.IsControl(c) && c != '\n' ? "ab"
                : $"a{c}b";

            Assert.Equal(expected, MarkdownText.Escape($"a{c}b"));
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("plain words", "plain words")]
    [InlineData("<img src=x onerror=alert(1)>", "\\<img src\\=x onerror\\=alert\\(1\\)\\>")]
    [InlineData("[a](javascript:b)\r\n# c\u0007", "\\[a\\]\\(javascript\\:b\\)\n\\# c")]
    public void Escape_Text_IsTheLiteralTextInMarkdown(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));
}
