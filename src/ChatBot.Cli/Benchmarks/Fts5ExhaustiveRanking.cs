using ChatBot.Core.Retrieval;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// The reference ranking for recall@10: the retriever's own exhaustive BM25 OR query over the same index, and its bounded
/// BM25 candidate stage for the recall of that stage alone.
/// </summary>
internal sealed class Fts5ExhaustiveRanking(Fts5Retriever retriever) : IExhaustiveRanking
{
    public Task<IReadOnlyList<string>> TopPassageIdsAsync(string question, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(retriever.ExhaustiveSearch(question, limit, cancellationToken));

    public Task<IReadOnlyList<string>?> BoundedTopPassageIdsAsync(string question, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(retriever.BoundedSearch(question, limit, cancellationToken));
}
