using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Attribution;

public sealed class RuleBasedDisputeDetector : IDisputeDetector
{
    public RuleBasedDisputeDetector(AttributionLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
    }

    public IReadOnlyList<DetectedDispute> Detect(string question, IReadOnlyList<EvidenceSentence> evidence) => [];
}
