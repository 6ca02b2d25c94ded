using ChatBot.Core.Answering;

namespace ChatBot.Core.Tests.Answering;

public sealed class AnswerPartTests
{
    [Theory]
    [InlineData("Where reports disagree:\n- IS claimed 50 dead [1].", "- IS claimed 50 dead [1].")]
    [InlineData("  where reports disagree.\n\n- IS claimed 50 dead [1].", "- IS claimed 50 dead [1].")]
    [InlineData("Where reports disagree: IS claimed 50 dead [1].", "IS claimed 50 dead [1].")]
    [InlineData("Where reports disagree", "")]
    [InlineData("Where reports disagree:\n  - a nested position keeps its indent [2].", "  - a nested position keeps its indent [2].")]
    public void TextAfterHeading_PartOpensWithTheHeading_HeadingLineDropped(string text, string expected)
    {
        var part = new AnswerPart(AnswerPartKind.Disagreements, text);

        Assert.Equal(expected, part.TextAfterHeading(AnswerPart.DisagreementsHeading));
    }

    [Theory]
    [InlineData("The reports here disagree on this:\n- IS claimed 50 dead [1].")]
    [InlineData("  - an indented position keeps its indent [2].")]
    [InlineData("Where reports disagreed, the outlet said so [3].")]
    [InlineData("Where reports disagree on the toll:\n- IS claimed 50 dead [1].")]
    public void TextAfterHeading_PartDoesNotOpenWithTheHeading_TextUnchanged(string text)
    {
        var part = new AnswerPart(AnswerPartKind.Disagreements, text);

        Assert.Equal(text, part.TextAfterHeading(AnswerPart.DisagreementsHeading));
    }
}
