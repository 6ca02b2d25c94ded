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

    /// <summary>With paired rounds (<see cref="BenchSettings.LuceneHarness"/>): each round's own result.</summary>
    public IReadOnlyList<SizeResult> Rounds { get; init; } = [];

    /// <summary>With paired rounds: the medians of the per-round ours / Lucene ratios.</summary>
    public PairedRatios? Paired { get; init; }

    /// <summary>Why a step was not measured (engine not registered yet, skipped, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Several rounds at one size as one result: the median of each of our figures and of Lucene's, the paired
    /// ratios, and the rounds themselves.
    /// </summary>
    public static SizeResult MedianOf(IReadOnlyList<SizeResult> rounds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rounds.Count);
        if (rounds.Count == 1)
        {
            return rounds[0];
        }

        var lucene = rounds.Select(r => r.Lucene).OfType<LuceneFigures>().ToList();
        return rounds[0] with
        {
            IndexSeconds = LatencySummary.MedianOrNull(rounds.Select(r => r.IndexSeconds)),
            ArticlesPerSecond = LatencySummary.MedianOrNull(rounds.Select(r => r.ArticlesPerSecond)),
            MegabytesPerSecond = LatencySummary.MedianOrNull(rounds.Select(r => r.MegabytesPerSecond)),
            IndexMiB = LatencySummary.MedianOrNull(rounds.Select(r => r.IndexMiB)),
            IndexPeakRssMiB = LatencySummary.MedianOrNull(rounds.Select(r => r.IndexPeakRssMiB)),
            Retrieval = Latency(rounds.Select(r => r.Retrieval)),
            RetrievalRuns = [.. rounds.SelectMany(r => r.RetrievalRuns)],
            RecallAt10 = LatencySummary.MedianOrNull(rounds.Select(r => r.RecallAt10)),
            BoundedRecallAt10 = LatencySummary.MedianOrNull(rounds.Select(r => r.BoundedRecallAt10)),
            Ask = Latency(rounds.Select(r => r.Ask)),
            QueryPeakRssMiB = LatencySummary.MedianOrNull(rounds.Select(r => r.QueryPeakRssMiB)),
            ClaimExtraction = rounds.Select(r => r.ClaimExtraction).OfType<ClaimExtractionResult>().OrderBy(c => c.MegabytesPerSecond).ElementAtOrDefault(rounds.Count(r => r.ClaimExtraction is not null) / 2),
            Lucene = lucene.Count == 0 ? null : lucene[0] with
            {
                MegabytesPerSecond = LatencySummary.Median(lucene.Select(l => l.MegabytesPerSecond)),
                IndexMiB = LatencySummary.Median(lucene.Select(l => l.IndexMiB)),
                IndexPeakRssMiB = LatencySummary.Median(lucene.Select(l => l.IndexPeakRssMiB)),
                OrP50 = LatencySummary.Median(lucene.Select(l => l.OrP50)),
                OrP95 = LatencySummary.Median(lucene.Select(l => l.OrP95)),
                OrP99 = LatencySummary.Median(lucene.Select(l => l.OrP99)),
                Fts5OrP50 = LatencySummary.MedianOrNull(lucene.Select(l => l.Fts5OrP50)),
                Fts5OrP99 = LatencySummary.MedianOrNull(lucene.Select(l => l.Fts5OrP99)),
            },
            Rounds = rounds,
            Paired = lucene.Count == 0 ? null : PairedRatios.Of(rounds),
            Notes = [.. rounds.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal)],
        };
    }

    private static LatencySummary? Latency(IEnumerable<LatencySummary?> rounds)
    {
        var present = rounds.OfType<LatencySummary>().ToList();
        return present.Count == 0 ? null : LatencySummary.MedianOf(present);
    }
}
