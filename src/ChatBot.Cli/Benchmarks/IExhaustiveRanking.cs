namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// The reference for recall@10: the top passages of the plain BM25 ranking over every word of the question joined
/// with OR, run exhaustively (no term selection, no candidate limit). Slow by design; the benchmark calls it
/// untimed. The index owner provides it (an adapter over its exhaustive OR query); the bench resolves it from
/// DI and reports recall as n/a when none is registered.
/// </summary>
/// <remarks>Must use the same index, text analysis and alias normalisation as the retriever under test.</remarks>
public interface IExhaustiveRanking
{
    /// <summary>Passage ids (<c>ARTICLE-ID#ORDINAL</c>) of the best <paramref name="limit"/> passages, best first.</summary>
    Task<IReadOnlyList<string>> TopPassageIdsAsync(string question, int limit, CancellationToken cancellationToken);
}
