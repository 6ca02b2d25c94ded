namespace ChatBot.Core.Generation;

/// <summary>The outcome of <see cref="GroundingCheck"/>: the answer's sentences and what is wrong with them (nothing when it passed).</summary>
public sealed record GroundingResult(IReadOnlyList<AnswerSentence> Sentences, IReadOnlyList<GroundingProblem> Problems)
{
    public bool Passed => Problems.Count == 0;
}
