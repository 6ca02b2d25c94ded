namespace ChatBot.Cli.Benchmarks;

/// <summary>Everything measured at one corpus size. Null members were skipped or could not be measured.</summary>
public sealed record SizeResult
{
    public required int Articles { get; init; }

    public required string CorpusKind { get; init; }

    public int? IndexedArticles { get; init; }

    public int? Passages { get; init; }

    public double? IndexSeconds { get; init; }

    public double? ArticlesPerSecond { get; init; }

    public double? MegabytesPerSecond { get; init; }

    public double? ArticleTextMB { get; init; }

    public double? IndexMiB { get; init; }

    public double? IndexPeakRssMiB { get; init; }

    public int? Warnings { get; init; }

    /// <summary>Claim extraction alone on one thread, over the first <see cref="BenchRunner.ClaimExtractionArticles"/> articles.</summary>
    public ClaimExtractionResult? ClaimExtraction { get; init; }

    public int Questions { get; init; }

    public LatencySummary? Retrieval { get; init; }

    /// <summary>Retrieval p50/p99 of each run, for the spread.</summary>
    public IReadOnlyList<LatencySummary> RetrievalRuns { get; init; } = [];

    /// <summary>Overlap of the final answer hits (after the answer-oriented re-rank) with the exhaustive BM25 top 10.</summary>
    public double? RecallAt10 { get; init; }

    /// <summary>recall@10 of the bounded BM25 candidate stage alone against the exhaustive BM25 top 10.</summary>
    public double? BoundedRecallAt10 { get; init; }

    public LatencySummary? Ask { get; init; }

    public double? QueryPeakRssMiB { get; init; }

    public LuceneFigures? Lucene { get; init; }

    /// <summary>Why a step was not measured (engine not registered yet, skipped, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
