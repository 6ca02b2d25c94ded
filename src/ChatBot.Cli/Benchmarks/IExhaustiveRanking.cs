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

    /// <summary>
    /// Passage ids of the best <paramref name="limit"/> passages of the retriever's bounded BM25 candidate stage (term
    /// selection and candidate limits applied, before any answer-oriented re-rank), best first; null when the index
    /// has no such stage to show. The bench reports its recall@10 against <see cref="TopPassageIdsAsync"/>.
    /// </summary>
    Task<IReadOnlyList<string>?> BoundedTopPassageIdsAsync(string question, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);
}
