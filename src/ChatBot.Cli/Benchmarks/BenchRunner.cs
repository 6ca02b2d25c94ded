using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Answering;
using ChatBot.Core.Attribution;
using ChatBot.Core.Configuration;
using ChatBot.Core.Corpus;
using ChatBot.Core.Corpus.Synthetic;
using ChatBot.Core.Indexing;
using ChatBot.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// Runs the benchmark: for each corpus size, prepares the corpus, builds the index from scratch, times retrieval and
/// `ask` in process through the engine's interfaces, then (once) loads a running server over Direct Line.
/// Every engine service comes from <c>AddChatBotCore</c>, so the bench measures exactly what the doors run.
/// </summary>
public sealed class BenchRunner(BenchSettings settings, Action<IServiceCollection>? configureServices, TextWriter log)
{
    private const int DefaultQuestions = 150;

    /// <summary>Claim extraction is timed over at most this many articles (the first 10k of 100k): enough for a steady figure, cheap at every size.</summary>
    public const int ClaimExtractionArticles = 10_000;

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(settings.WorkDirectory);
        var sizes = new List<SizeResult>();
        foreach (var n in settings.Sizes)
        {
            sizes.Add(await RunSizeAsync(n, cancellationToken));
        }

        ServerLoadResult? server = null;
        string? serverNote = null;
        if (settings.Server is null || settings.Skip.Contains("server"))
        {
            serverNote = "not run (pass --server http://127.0.0.1:PORT with the server started on the same corpus)";
        }
        else
        {
            var questions = LoadQuestions(settings.Sizes.Max());
            log.WriteLine($"server: {settings.Conversations} Direct Line conversations x {settings.AsksPerConversation} questions against {settings.Server} ({settings.Transport})");
            server = await new DirectLineLoadTest(settings.Server, settings.ReplyTimeout, TimeSpan.FromMilliseconds(settings.PollMilliseconds), settings.Transport)
                .RunAsync(questions, settings.Conversations, settings.AsksPerConversation, cancellationToken);
        }

        return new BenchReport
        {
            StartedAt = started,
            Machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            Sizes = sizes,
            Server = server,
            ServerNote = serverNote,
            CommandLine = "chatbot " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
        };
    }

    /// <summary>
    /// One size: a single round, or with the Lucene harness several rounds, each a Lucene run then ours, combined into
    /// medians and paired ratios.
    /// </summary>
    private async Task<SizeResult> RunSizeAsync(int n, CancellationToken ct)
    {
        var harness = settings.LuceneHarness is { } script && settings.CorpusKind == "peers"
            ? new LuceneHarness(script, settings.PeersResults, log)
            : null;
        var rounds = new List<SizeResult>();
        for (var round = 0; round < Math.Max(1, settings.Rounds); round++)
        {
            var lucene = harness is null ? null : await harness.RunAsync(n, ct);
            rounds.Add(await RunRoundAsync(n, lucene, ct));
        }

        return SizeResult.MedianOf(rounds);
    }

    private async Task<SizeResult> RunRoundAsync(int n, LuceneFigures? pairedLucene, CancellationToken ct)
    {
        var notes = new List<string>();
        var corpus = PrepareCorpus(n, ct);
        var indexDir = Path.Combine(settings.WorkDirectory, $"index-{settings.CorpusKind}-{n}");
        var configuration = ChatBotConfiguration.Build(settings.ConfigFile, new Dictionary<string, string?>
        {
            ["Corpus:Directory"] = corpus,
            ["Index:Path"] = Path.Combine(indexDir, "chatbot.db"),
            ["DataDirectory"] = Path.Combine(settings.WorkDirectory, "data"),
        });

        // Lucene's figures are comparable only on the same corpus and questions: the peers' ones.
        var lucene = pairedLucene ?? (settings.CorpusKind == "peers" ? LuceneFigures.TryRead(settings.PeersResults, n) : null);
        var result = new SizeResult { Articles = n, CorpusKind = settings.CorpusKind, Lucene = lucene };
        ServiceProvider? provider = null;
        try
        {
            // Index: a fresh build per run; the provider of the last run serves the query steps. With --skip index the
            // work folder's index is used as it is (brought up to date, which is a no-op when the corpus is unchanged).
            var builds = new List<(IndexBuildReport Report, double Seconds, double? Rss, double MiB)>();
            if (settings.Skip.Contains("index"))
            {
                if (settings.Skip.Contains("claims") && settings.Skip.Contains("retrieval") && settings.Skip.Contains("ask"))
                {
                    return result with { Notes = ["index, claims, retrieval and ask skipped"] };
                }

                if (!File.Exists(Path.Combine(indexDir, "chatbot.db")))
                {
                    return result with { Notes = [$"--skip index: no index in {indexDir} to query; run once without it"] };
                }

                provider = BuildProvider(configuration);
                var existing = provider.GetRequiredService<IPassageIndex>();
                var report = await existing.UpdateAsync(null, ct);
                notes.Add($"index: the one already in {indexDir} (--skip index); its build was not timed");
                result = result with { IndexedArticles = report.Articles, Passages = report.Passages, IndexMiB = IndexMiB(indexDir, existing.Status.Path) };
            }
            else
            {
                for (var run = 0; run < Math.Max(1, settings.IndexRuns); run++)
                {
                    if (provider is not null)
                    {
                        await provider.DisposeAsync();
                    }

                    if (Directory.Exists(indexDir))
                    {
                        Directory.Delete(indexDir, recursive: true);
                    }

                    provider = BuildProvider(configuration);
                    var index = provider.GetRequiredService<IPassageIndex>();
                    PeakMemory.TryReset();
                    var clock = Stopwatch.StartNew();
                    log.WriteLine($"{n:N0} {settings.CorpusKind}: building the index (run {run + 1})");
                    var report = await index.UpdateAsync(null, ct);
                    clock.Stop();
                    builds.Add((report, clock.Elapsed.TotalSeconds, PeakMemory.PeakMiB(), IndexMiB(indexDir, index.Status.Path)));
                }
            }

            if (builds.Count > 0)
            {
                var median = builds.OrderBy(b => b.Seconds).ElementAt(builds.Count / 2);
                result = result with
                {
                    IndexedArticles = median.Report.Articles,
                    Passages = median.Report.Passages,
                    IndexSeconds = median.Seconds,
                    ArticlesPerSecond = median.Report.Articles / median.Seconds,
                    ArticleTextMB = median.Report.BytesIngested / 1e6,
                    MegabytesPerSecond = median.Report.BytesIngested / 1e6 / median.Seconds,
                    IndexMiB = median.MiB,
                    IndexPeakRssMiB = builds.Max(b => b.Rss),
                    Warnings = median.Report.Warnings.Count,
                };
            }

            if (provider is not null && !settings.Skip.Contains("claims"))
            {
                result = result with { ClaimExtraction = MeasureClaimExtraction(provider, corpus, n, notes, ct) };
            }

            if (provider is not null)
            {
                result = await MeasureQueriesAsync(provider, n, result, notes, ct);
            }
        }
        finally
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }
        }

        return result with { Notes = notes };
    }

    private ClaimExtractionResult? MeasureClaimExtraction(ServiceProvider provider, string corpus, int n, List<string> notes, CancellationToken ct)
    {
        if (provider.GetService<ICorpusReader>() is not { } reader || provider.GetService<IPassageSplitter>() is not { } splitter
            || provider.GetService<IClaimExtractor>() is not { } extractor)
        {
            notes.Add("claim extraction: ICorpusReader, IPassageSplitter or IClaimExtractor is not registered");
            return null;
        }

        var articles = Math.Min(n, ClaimExtractionArticles);
        log.WriteLine($"{n:N0}: claim extraction on one thread, first {articles:N0} articles");
        return new ClaimExtractionBench(reader, splitter, extractor).Run(corpus, articles, ct);
    }

    private async Task<SizeResult> MeasureQueriesAsync(ServiceProvider provider, int n, SizeResult result, List<string> notes, CancellationToken ct)
    {
        var questions = LoadQuestions(n);
        result = result with { Questions = questions.Count };
        PeakMemory.TryReset();

        var retriever = provider.GetService<IRetriever>();
        if (retriever is null)
        {
            notes.Add("retrieval: IRetriever is not registered yet");
        }
        else if (!settings.Skip.Contains("retrieval"))
        {
            log.WriteLine($"{n:N0}: retrieval, {questions.Count} questions x {settings.Runs} runs (+1 warm-up)");
            var runs = await TimeAsync(questions, q => retriever.RetrieveAsync(new RetrievalQuery { Text = q, Limit = 10 }, ct), ct);
            result = result with { Retrieval = LatencySummary.MedianOf(runs), RetrievalRuns = runs };

            var exhaustive = provider.GetService<IExhaustiveRanking>();
            if (exhaustive is null)
            {
                notes.Add("recall@10: no IExhaustiveRanking registered (the index's exhaustive BM25 OR query)");
            }
            else
            {
                var recalls = new List<double>(questions.Count);
                var bounded = new List<double>(questions.Count);
                foreach (var q in questions)
                {
                    var reference = await exhaustive.TopPassageIdsAsync(q, 10, ct);
                    if (reference.Count == 0)
                    {
                        continue;
                    }

                    var ours = (await retriever.RetrieveAsync(new RetrievalQuery { Text = q, Limit = 10 }, ct)).Hits.Take(10).Select(h => h.Passage.Id).ToHashSet(StringComparer.Ordinal);
                    recalls.Add(reference.Count(ours.Contains) / (double)reference.Count);
                    if (await exhaustive.BoundedTopPassageIdsAsync(q, 10, ct) is { } stage)
                    {
                        var top = stage.Take(10).ToHashSet(StringComparer.Ordinal);
                        bounded.Add(reference.Count(top.Contains) / (double)reference.Count);
                    }
                }

                result = result with
                {
                    RecallAt10 = recalls.Count == 0 ? null : recalls.Average(),
                    BoundedRecallAt10 = bounded.Count == 0 ? null : bounded.Average(),
                };
            }
        }

        var answering = provider.GetService<IAnsweringService>();
        if (answering is null)
        {
            notes.Add("ask: IAnsweringService is not registered yet");
        }
        else if (!settings.Skip.Contains("ask"))
        {
            log.WriteLine($"{n:N0}: ask end to end, {questions.Count} questions x {settings.Runs} runs (+1 warm-up)");
            var runs = await TimeAsync(questions, q => answering.AnswerAsync(new AnswerRequest { Question = q }, ct), ct);
            result = result with { Ask = LatencySummary.MedianOf(runs) };
        }

        return result with { QueryPeakRssMiB = PeakMemory.PeakMiB() };
    }

    /// <summary>One untimed warm-up pass, then <see cref="BenchSettings.Runs"/> timed passes over every question.</summary>
    private async Task<List<LatencySummary>> TimeAsync<T>(List<string> questions, Func<string, Task<T>> call, CancellationToken ct)
    {
        foreach (var q in questions)
        {
            await call(q);
        }

        var runs = new List<LatencySummary>(settings.Runs);
        var samples = new double[questions.Count];
        for (var run = 0; run < settings.Runs; run++)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var start = Stopwatch.GetTimestamp();
                await call(questions[i]);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            runs.Add(LatencySummary.Of(samples));
        }

        return runs;
    }

    private ServiceProvider BuildProvider(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChatBotCore(configuration);
        configureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }

    /// <summary>The corpus folder for size <paramref name="n"/>, generated or cut from the peers' JSONL on first use.</summary>
    private string PrepareCorpus(int n, CancellationToken ct)
    {
        if (settings.CorpusKind == "peers")
        {
            return PreparePeersCorpus(n);
        }

        var dir = Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"corpus-synth-{n}-s{settings.Seed}"));
        if (File.Exists(Path.Combine(dir, SourceCatalogLoader.FileName)))
        {
            return dir;
        }

        if (Directory.Exists(dir))
        {
            // An interrupted generation (sources.yaml is written last) inside the bench's own work folder.
            Directory.Delete(dir, recursive: true);
        }

        log.WriteLine($"{n:N0}: generating the synthetic corpus in {dir}");
        var report = SyntheticCorpusGenerator.Generate(new SyntheticCorpusOptions { Articles = n, Seed = settings.Seed }, dir, null, ct);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n:N0}: {report.Bytes / 1e6:F0} MB in {report.Elapsed.TotalSeconds:F1} s"));
        return dir;
    }

    private string PreparePeersCorpus(int n)
    {
        var source = settings.PeersCorpus ?? DefaultPeersCorpus(n)
            ?? throw new ConfigurationException($"--peers-corpus: no peers corpus given and none of {settings.PeersResults}/../corpus-*-s42.jsonl has {n:N0} lines; run shared/peers/run.sh {n} first");
        var dir = Path.Combine(settings.WorkDirectory, $"corpus-peers-{n}");
        var jsonl = Path.Combine(dir, "articles.jsonl");
        if (File.Exists(Path.Combine(dir, SourceCatalogLoader.FileName)))
        {
            return dir;
        }

        Directory.CreateDirectory(dir);
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        var lines = 0;
        using (var writer = new StreamWriter(jsonl, append: false, new UTF8Encoding(false)))
        {
            foreach (var line in File.ReadLines(source).Take(n))
            {
                writer.Write(line);
                writer.Write('\n');
                lines++;
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("outlet", out var outlet) && outlet.GetString() is { Length: > 0 } name)
                {
                    outlets.Add(name);
                }
            }
        }

        if (lines < n)
        {
            throw new ConfigurationException($"{source}: holds {lines:N0} articles, fewer than the {n:N0} asked for (--peers-corpus)");
        }

        // The peers' outlets, so their articles resolve; the repository's aliases, so analysis matches the product.
        var yaml = new StringBuilder("# The peers' outlets, written by `chatbot bench`.\noutlets:\n");
        foreach (var outlet in outlets)
        {
            yaml.Append("  - name: \"").Append(outlet.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
        }

        var aliases = Path.Combine(ChatBotPaths.FromConfiguration(ChatBotConfiguration.Build(settings.ConfigFile)).CorpusDirectory, "aliases.yaml");
        if (File.Exists(aliases))
        {
            File.Copy(aliases, Path.Combine(dir, "aliases.yaml"), overwrite: true);
        }

        File.WriteAllText(Path.Combine(dir, SourceCatalogLoader.FileName), yaml.ToString());
        return dir;
    }

    private string? DefaultPeersCorpus(int n)
    {
        var data = Path.GetDirectoryName(Path.GetFullPath(settings.PeersResults));
        if (data is null || !Directory.Exists(data))
        {
            return null;
        }

        return Directory.EnumerateFiles(data, "corpus-*-s42.jsonl")
            .Select(f => (File: f, Size: int.TryParse(Path.GetFileName(f).Split('-')[1], CultureInfo.InvariantCulture, out var s) ? s : 0))
            .Where(f => f.Size >= n)
            .OrderBy(f => f.Size)
            .Select(f => f.File)
            .FirstOrDefault();
    }

    /// <summary>
    /// The questions: --queries (a peers TSV, whose OR set is the natural-language workload, or one question a line);
    /// for the peers corpus, the peers' own query file; otherwise questions about the synthetic corpus's stories.
    /// </summary>
    private List<string> LoadQuestions(int n)
    {
        var file = settings.QueriesFile;
        if (file is null && settings.CorpusKind == "peers")
        {
            var data = Path.GetDirectoryName(Path.GetFullPath(settings.PeersResults));
            file = data is null ? null : Path.Combine(data, "queries-c42-q7.tsv");
            if (file is not null && !File.Exists(file))
            {
                file = null;
            }
        }

        if (file is null)
        {
            return [.. SyntheticQuestionGenerator.Generate(settings.Seed, n, DefaultQuestions)];
        }

        var questions = new List<string>();
        foreach (var line in File.ReadLines(file))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 3)
            {
                if (fields[1] == "or")
                {
                    questions.Add(fields[2]);
                }
            }
            else if (!string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            {
                questions.Add(line.Trim());
            }
        }

        return questions.Count > 0 ? questions : throw new ConfigurationException($"{file}: no questions (--queries: a peers TSV with an OR set, or one question a line)");
    }

    /// <summary>The index on disk: our per-size folder, or the file the index reports (with its -wal and -shm).</summary>
    private static double IndexMiB(string dir, string? statusPath)
    {
        var folder = FolderMiB(dir);
        if (folder > 0 || statusPath is null)
        {
            return folder;
        }

        return new[] { statusPath, statusPath + "-wal", statusPath + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
    }

    private static double FolderMiB(string dir) => Directory.Exists(dir)
        ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0)
        : 0;
}
