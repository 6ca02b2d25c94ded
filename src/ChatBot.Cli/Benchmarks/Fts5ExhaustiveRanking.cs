using ChatBot.Core.Retrieval;

namespace ChatBot.Cli.Benchmarks;

/// <summary>The reference ranking for recall@10: the retriever's own exhaustive BM25 OR query over the same index.</summary>
internal sealed class Fts5ExhaustiveRanking(Fts5Retriever retriever) : IExhaustiveRanking
{
    public Task<IReadOnlyList<string>> TopPassageIdsAsync(string question, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(retriever.ExhaustiveSearch(question, limit, cancellationToken));
}
