using ChatBot.Cli.Benchmarks;

namespace ChatBot.Cli.Tests.Benchmarks;

public sealed class BenchReportWriterTests
{
    private const string LuceneOnly = """
        "lucene": {"index": [{"mb_per_s": 7.5, "size_bytes": 1048576}],
                   "queries": {"query": [{"lat": {"or": {"p50": 1.5, "p95": 3.0, "p99": 6.0}}}]}}
        """;

    [Fact]
    public void ToJson_HarnessReportWithoutFts5_WritesNoNaN()
    {
        // At 100k the peers harness's report has held no FTS5 timing.
        var lucene = ReadFigures("{" + LuceneOnly + "}");

        var json = BenchReportWriter.ToJson(Report(lucene));

        Assert.Null(lucene.Fts5OrP50);
        Assert.Null(lucene.Fts5OrP99);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_HarnessReportWithoutFts5_SaysTheReportHasNoTiming()
    {
        var markdown = BenchReportWriter.ToMarkdown(Report(ReadFigures("{" + LuceneOnly + "}")));

        Assert.Contains("the peers harness's report at this size has no FTS5 timing", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_HarnessReportWithFts5_SaysTheFiguresMayComeFromAnEarlierRun()
    {
        // A Lucene-only round leaves the FTS5 figures of the harness's last full run in its report.
        var lucene = ReadFigures("{" + LuceneOnly + """
            , "fts5": {"queries": {"query": [{"lat": {"or": {"p50": 30.0, "p95": 80.0, "p99": 110.0}}},
                                             {"lat": {"or": {"p50": 32.6, "p95": 90.0, "p99": 120.0}}}]}}}
            """);

        var markdown = BenchReportWriter.ToMarkdown(Report(lucene));

        Assert.Contains("from the peers harness's report at this size (its last FTS5 run, which may predate this bench): p50 31.3 ms, p99 115.0 ms.", markdown, StringComparison.Ordinal);
    }

    private static LuceneFigures ReadFigures(string reportJson)
    {
        var results = Directory.CreateTempSubdirectory("peers-results-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(results, "1000"));
            File.WriteAllText(Path.Combine(results, "1000", "report.json"), reportJson);
            return LuceneFigures.TryRead(results, 1000) ?? throw new InvalidOperationException("no Lucene figures read");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    private static BenchReport Report(LuceneFigures lucene) => new()
    {
        StartedAt = DateTimeOffset.UnixEpoch,
        Machine = "test",
        CommandLine = "chatbot bench",
        Sizes = [new SizeResult { Articles = 1000, CorpusKind = "peers", Lucene = lucene }],
    };
}
