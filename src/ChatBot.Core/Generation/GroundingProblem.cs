namespace ChatBot.Core.Generation;

/// <summary>One way a generated answer is not grounded: the sentence at fault and what to fix, in words the repair round sends to the model.</summary>
public sealed record GroundingProblem(string Sentence, string Reason)
{
    public override string ToString() => $"\"{Sentence}\": {Reason}";
}
