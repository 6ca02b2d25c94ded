using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Attribution;

/// <summary>
/// Finds conflicts, unverified claims and denials among the sentences an answer may use. Never invents one: figures
/// about different things are not a conflict, and a fact one outlet states and none contradicts is not disputed.
/// </summary>
/// <remarks>Thread-safe and pure. Runs at question time, so it must stay cheap (well under 2 ms for 50 sentences).</remarks>
public interface IDisputeDetector
{
    IReadOnlyList<DetectedDispute> Detect(string question, IReadOnlyList<EvidenceSentence> evidence);
}
