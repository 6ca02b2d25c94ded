namespace ChatBot.Core.Evaluation;

/// <summary>Whether a quote supports a piece of an answer, and if not, what is missing.</summary>
public sealed record SupportVerdict(bool Supported, string? Reason, double Overlap)
{
    public static SupportVerdict Yes(double overlap) => new(true, null, overlap);

    public static SupportVerdict No(string reason, double overlap = 0) => new(false, reason, overlap);
}
