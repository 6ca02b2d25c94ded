using System.Diagnostics;
using ChatBot.Core.Attribution;
using ChatBot.Core.Corpus;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// Claim extraction alone, on one thread: the corpus's first articles are read and split into passages once, untimed,
/// then <see cref="IClaimExtractor.Extract"/> is timed over all of them, in wall time and in the thread's CPU time. Issue 3's criterion is MB of article text a
/// second on one thread, so the index build's other stages and its worker pool stay out of the figure.
/// </summary>
public sealed class ClaimExtractionBench(ICorpusReader reader, IPassageSplitter splitter, IClaimExtractor extractor)
{
    /// <summary>Articles warmed up on before timing, so the JIT's later tiers are in place.</summary>
    private const int WarmUpArticles = 1_000;

    /// <summary>Times extraction over up to <paramref name="maxArticles"/> articles of <paramref name="corpusDirectory"/>.</summary>
    public ClaimExtractionResult Run(string corpusDirectory, int maxArticles, CancellationToken cancellationToken)
    {
        var catalog = reader.ReadCatalog(corpusDirectory);
        var articles = new List<(Article Article, IReadOnlyList<Passage> Passages)>(maxArticles);
        long chars = 0;
        // Lazily: reading stops at the last article kept, not at the end of a large bulk file.
        var read = reader.Scan(corpusDirectory, cancellationToken)
            .SelectMany(file => reader.ReadBatches(file, 1_000, cancellationToken))
            .SelectMany(batch => batch.Articles)
            .Take(maxArticles);
        foreach (var article in read)
        {
            articles.Add((article, splitter.Split(article)));
            chars += article.Text.Length;
        }

        for (var i = 0; i < Math.Min(WarmUpArticles, articles.Count); i++)
        {
            extractor.Extract(articles[i].Article, articles[i].Passages, catalog);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuTime.Seconds();
        var start = Stopwatch.GetTimestamp();
        var claims = 0L;
        foreach (var (article, passages) in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            claims += extractor.Extract(article, passages, catalog).Count;
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuSeconds = ThreadCpuTime.Seconds() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new ClaimExtractionResult
        {
            Articles = articles.Count,
            Sentences = claims,
            ArticleTextMB = chars / 1e6,
            Seconds = seconds,
            MegabytesPerSecond = seconds > 0 ? chars / 1e6 / seconds : double.NaN,
            CpuSeconds = cpuSeconds,
            MegabytesPerCpuSecond = cpuSeconds > 0 ? chars / 1e6 / cpuSeconds : null,
            AllocatedMB = allocated / 1e6,
        };
    }
}
