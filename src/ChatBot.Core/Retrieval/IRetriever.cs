namespace ChatBot.Core.Retrieval;

/// <summary>
/// Finds the passages that bear on a question. Implementations bound their work per question (no unbounded OR over
/// every word) and accept any text at all: quotes, operators, emoji, Arabic or nothing never throw.
/// </summary>
/// <remarks>Thread-safe. Honours cancellation. Reads a consistent index snapshot even while a rebuild swaps in.</remarks>
public interface IRetriever
{
    Task<RetrievalResult> RetrieveAsync(RetrievalQuery query, CancellationToken cancellationToken);
}
