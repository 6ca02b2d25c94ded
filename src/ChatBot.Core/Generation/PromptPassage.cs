using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Generation;

/// <summary>A retrieved passage as numbered in the prompt: the model cites it as [<see cref="Number"/>].</summary>
public sealed record PromptPassage(int Number, PassageHit Hit)
{
    public string Outlet => Hit.Article.Outlet;

    public string Text => Hit.Passage.Text;

    /// <summary>Numbers the evidence 1..N in the order given (best first).</summary>
    public static IReadOnlyList<PromptPassage> FromEvidence(IReadOnlyList<PassageHit> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Select((hit, i) => new PromptPassage(i + 1, hit)).ToList();
    }
}
