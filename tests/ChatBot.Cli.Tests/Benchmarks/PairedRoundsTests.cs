using ChatBot.Cli.Benchmarks;
using ChatBot.Core;

namespace ChatBot.Cli.Tests.Benchmarks;

public sealed class PairedRoundsTests
{
    [Fact]
    public void MedianOf_RoundsDriftingWithTheMachine_RatioIsTheMedianOfEachRoundsOwnRatio()
    {
        // The machine slows down and speeds up between rounds; both engines drift with it.
        var rounds = new[] { Round(ours: 10, lucene: 5, p50: 4, orP50: 2), Round(ours: 4, lucene: 4, p50: 3, orP50: 6), Round(ours: 6, lucene: 2, p50: 9, orP50: 3) };

        var combined = SizeResult.MedianOf(rounds);

        Assert.Equal(6, combined.MegabytesPerSecond);
        Assert.Equal(4, combined.Lucene!.MegabytesPerSecond);
        Assert.Equal(2.0, combined.Paired!.BuildRate);  // median of 2.0, 1.0, 3.0; the ratio of the medians would be 1.5
        Assert.Equal(2.0, combined.Paired.RetrievalP50); // median of 2.0, 0.5, 3.0
        Assert.Equal(3, combined.Rounds.Count);
    }

    [Fact]
    public void ToMarkdown_PairedRounds_ShowsThePairedRatioAndEachRound()
    {
        var combined = SizeResult.MedianOf([Round(10, 5, 4, 2), Round(4, 4, 3, 6), Round(6, 2, 9, 3)]);
        var report = new BenchReport { StartedAt = DateTimeOffset.UnixEpoch, Machine = "test", CommandLine = "chatbot bench", Sizes = [combined] };

        var markdown = BenchReportWriter.ToMarkdown(report);

        Assert.Contains("Medians of 3 rounds", markdown, StringComparison.Ordinal);
        Assert.Contains("| index build, MB/s of article text | 6.0 | 4.0 | 2.00× |", markdown, StringComparison.Ordinal);
        Assert.Contains("2.00 / 2.00 / ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void MedianOf_RoundsWithAndWithoutFts5_MedianOfTheRoundsThatHaveIt()
    {
        var rounds = new[] { Fts5Round(fts5P50: null), Fts5Round(fts5P50: 20), Fts5Round(fts5P50: 40) };

        var combined = SizeResult.MedianOf(rounds);

        Assert.Equal(30, combined.Lucene!.Fts5OrP50);
        Assert.Null(SizeResult.MedianOf([Fts5Round(fts5P50: null), Fts5Round(fts5P50: null)]).Lucene!.Fts5OrP50);
    }

    [Fact]
    public async Task RunAsync_HarnessWritesReport_ReadsLucenesFiguresFromOneRun()
    {
        var data = Directory.CreateTempSubdirectory("peers-data-").FullName;
        var script = Path.Combine(data, "run.sh");
        try
        {
            // A stand-in for shared/peers/run.sh: refuses anything but one Lucene build and one query run.
            await File.WriteAllTextAsync(script, """
                set -e
                [ "$2" = lucene ] && [ "$IREPS" = 1 ] && [ "$REPS" = 1 ] || { echo "unexpected: $* IREPS=$IREPS REPS=$REPS" >&2; exit 3; }
                mkdir -p "$PEERS_DATA/results/$1"
                cat > "$PEERS_DATA/results/$1/report.json" <<'JSON'
                {"lucene": {"index": [{"mb_per_s": 7.5, "size_bytes": 1048576}],
                            "queries": {"query": [{"lat": {"or": {"p50": 1.5, "p95": 3.0, "p99": 6.0}}}]}}}
                JSON
                """);

            var figures = await new LuceneHarness(script, Path.Combine(data, "results"), TextWriter.Null).RunAsync(1000, CancellationToken.None);

            Assert.Equal(7.5, figures.MegabytesPerSecond);
            Assert.Equal(1.5, figures.OrP50);
            Assert.Equal(6.0, figures.OrP99);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_HarnessFails_NamesTheScriptAndItsError()
    {
        var data = Directory.CreateTempSubdirectory("peers-data-").FullName;
        var script = Path.Combine(data, "run.sh");
        try
        {
            await File.WriteAllTextAsync(script, "echo 'javac: not found' >&2; exit 1\n");

            var error = await Assert.ThrowsAsync<ConfigurationException>(() => new LuceneHarness(script, Path.Combine(data, "results"), TextWriter.Null).RunAsync(1000, CancellationToken.None));

            Assert.Contains(script, error.Message, StringComparison.Ordinal);
            Assert.Contains("javac: not found", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static SizeResult Round(double ours, double lucene, double p50, double orP50) => new()
    {
        Articles = 1000,
        CorpusKind = "peers",
        MegabytesPerSecond = ours,
        Retrieval = new LatencySummary(100, p50, p50 * 2, p50 * 3, p50, p50 * 4),
        Lucene = new LuceneFigures { Articles = 1000, MegabytesPerSecond = lucene, OrP50 = orP50, OrP95 = orP50 * 2, OrP99 = orP50 * 3 },
    };

    private static SizeResult Fts5Round(double? fts5P50) => new()
    {
        Articles = 1000,
        CorpusKind = "peers",
        Lucene = new LuceneFigures { Articles = 1000, OrP50 = 2, Fts5OrP50 = fts5P50 },
    };
}
