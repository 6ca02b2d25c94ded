using ChatBot.Core.Attribution;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class ExpectationCheckerTests
{
    private static CaseExpectation Expect(string yaml) =>
        SuiteLoader.Parse("s.yaml", "cases:\n  - id: a\n    question: q\n    expect: " + yaml + "\n").Cases[0].Expect;

    [Fact]
    public void Check_AnswerMeetingEveryExpectation_NoFailures()
    {
        var expect = Expect("{ cites: [newarab-divided-fronts], outlets: ['new arab'], mentions: ['four kilometres|4 km'], disputed: false, refused: false }");

        Assert.Empty(ExpectationChecker.Check(expect, Answers.Distance()));
    }

    [Fact]
    public void Check_EachExpectationMissed_SpellsEachOut()
    {
        var expect = Expect("{ cites: [upi-regime-regains], outlets: ['UPI'], mentions: ['4,?000'], disputed: true, disputeKinds: [denied], refused: true }");

        var failures = ExpectationChecker.Check(expect, Answers.Distance());

        Assert.Equal(
            [
                "cites: upi-regime-regains not among citations (cited: newarab-divided-fronts)",
                "outlets: /UPI/ not found in answer",
                "mentions: /4,?000/ not found in answer",
                "disputed: expected disputes, the answer lists none",
                "disputeKinds: no denied dispute (the answer lists none)",
                "refused: expected a refusal, got an answer with 1 citation(s)",
            ],
            failures);
    }

    [Fact]
    public void Check_UnexpectedDisputeAndRefusal_SpellsThemOut()
    {
        var expect = Expect("{ disputed: false, disputeKinds: [conflict], refused: false }");
        var answer = Answers.Refusal() with { Disputes = [Answers.Unverified()] };

        var failures = ExpectationChecker.Check(expect, answer);

        Assert.Equal(
            [
                "disputed: expected no disputes, the answer lists 1 (unverified: Amaq video)",
                "disputeKinds: no conflict dispute (the answer lists: unverified)",
                "refused: expected an answer, got a refusal (the corpus does not cover it)",
            ],
            failures);
    }

    [Fact]
    public void Check_RegexIsCaseInsensitive()
    {
        var expect = Expect("{ mentions: ['FOUR KILOMETRES'], disputeKinds: [unverified] }");

        Assert.Empty(ExpectationChecker.Check(expect, Answers.Distance() with { Disputes = [Answers.Unverified()] }));
        Assert.Equal(DisputeKind.Unverified, Answers.Unverified().Kind);
    }
}
