using ChatBot.Core.Retrieval;

namespace ChatBot.Core.Answering;

/// <summary>An evidence sentence with how well it answers the question.</summary>
/// <param name="Evidence">The sentence, its passage, article and claim.</param>
/// <param name="Score">0..1: the weighted share of the question it covers (names count double).</param>
/// <param name="Terms">The sentence's analysed terms.</param>
/// <param name="Relevant">True when it may be used in an answer at all.</param>
public sealed record ScoredSentence(EvidenceSentence Evidence, double Score, IReadOnlySet<string> Terms, bool Relevant)
{
    /// <summary>The sentence has the shape the question asks for (a figure, a distance, a date, a source, a change of hands).</summary>
    public bool HasShape { get; init; }
}
