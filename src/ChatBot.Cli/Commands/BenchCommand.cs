using System.CommandLine;
using System.Globalization;
using ChatBot.Cli.Benchmarks;
using ChatBot.Core;
using ChatBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Cli.Commands;

/// <summary>
/// `chatbot bench`: index build, retrieval and `ask` latency at each corpus size, and Direct Line throughput against
/// a running server, with Lucene's figures from the peers harness beside ours as ratios.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] Steps = ["index", "claims", "retrieval", "ask", "server"];

    /// <param name="configureServices">Registrations added after <c>AddChatBotCore</c>: the host registers the
    /// <see cref="IExhaustiveRanking"/> adapter here, which recall@10 needs.</param>
    /// <param name="output">Where progress and the report go (standard output by default).</param>
    public static Command Create(Action<IServiceCollection>? configureServices = null, TextWriter? output = null)
    {
        var articles = new Option<string>("--articles") { Description = "Corpus sizes, comma-separated.", DefaultValueFactory = _ => "10000" };
        var kind = new Option<string>("--corpus-kind") { Description = "synth: our generator; peers: the peers' JSONL (the Lucene comparison).", DefaultValueFactory = _ => "synth" };
        kind.AcceptOnlyFromAmong("synth", "peers");
        var peersCorpus = new Option<FileInfo>("--peers-corpus") { Description = "The peers' gen_corpus.py JSONL (default: the smallest /tmp/peers-data/corpus-N-s42.jsonl that is big enough)." };
        var queries = new Option<FileInfo>("--queries") { Description = "Questions: a gen_queries.py TSV (its OR set is used) or one question a line. Default: the peers' file for peers, generated questions for synth." };
        var runs = new Option<int>("--runs") { Description = "Timed passes over the questions (after one warm-up pass); medians are reported.", DefaultValueFactory = _ => 3 };
        var indexRuns = new Option<int>("--index-runs") { Description = "Index builds from scratch per size (median reported).", DefaultValueFactory = _ => 1 };
        var seed = new Option<long>("--seed") { Description = "Seed of the synthetic corpus and questions.", DefaultValueFactory = _ => 42 };
        var work = new Option<DirectoryInfo>("--work") { Description = "Where corpora and indexes go (default DATA-DIRECTORY/bench)." };
        var server = new Option<string>("--server") { Description = "A running server on loopback, e.g. http://127.0.0.1:3978, for the Direct Line load test." };
        var conversations = new Option<int>("--conversations") { Description = "Concurrent Direct Line conversations.", DefaultValueFactory = _ => 50 };
        var asks = new Option<int>("--asks") { Description = "Questions each conversation asks, one after another.", DefaultValueFactory = _ => 4 };
        var timeout = new Option<int>("--reply-timeout") { Description = "Seconds to wait for a reply before counting it lost.", DefaultValueFactory = _ => 15 };
        var transport = new Option<DirectLineTransport>("--transport") { Description = "How the load test receives replies: websocket (Direct Line's stream) or polling.", DefaultValueFactory = _ => DirectLineTransport.WebSocket };
        var poll = new Option<int>("--poll-ms") { Description = "With --transport polling: milliseconds between one conversation's polls for its reply.", DefaultValueFactory = _ => 20 };
        var peersResults = new Option<DirectoryInfo>("--peers-results") { Description = "The peers harness's results folder (N/report.json).", DefaultValueFactory = _ => new DirectoryInfo("/tmp/peers-data/results") };
        var skip = new Option<string>("--skip") { Description = "Steps to leave out, comma-separated: index (query the index already in the work folder instead of building one), claims, retrieval, ask, server." };
        var outFile = new Option<FileInfo>("--out") { Description = "Write the report: FILE.md (Markdown) or FILE.json; the other format is written beside it." };
        var config = new Option<FileInfo>("--config") { Description = "appsettings.json to use." };
        var lucene = new Option<FileInfo>("--lucene") { Description = "The peers harness (shared/peers/run.sh): each round runs Lucene on the same corpus and questions just before ours (peers corpus only)." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per size (an index build and the query runs each, paired with a Lucene run when --lucene is given); medians are reported.", DefaultValueFactory = _ => 1 };

        foreach (var positive in new[] { runs, indexRuns, rounds, conversations, asks, timeout, poll })
        {
            positive.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{r.Option.Name} must be at least 1.");
                }
            });
        }

        skip.Validators.Add(r =>
        {
            foreach (var step in SkippedSteps(r.GetValueOrDefault<string>()).Where(s => !Steps.Contains(s, StringComparer.OrdinalIgnoreCase)))
            {
                r.AddError($"--skip: '{step}' is not a step ({string.Join(", ", Steps)}).");
            }
        });

        var command = new Command("bench", "Benchmarks index build, retrieval, ask and the server at newsroom scale, beside Lucene's figures.")
        {
            articles, kind, peersCorpus, queries, runs, indexRuns, seed, work, server, conversations, asks, timeout, transport, poll, peersResults, skip, outFile, config, lucene, rounds,
        };
        command.SetAction(async (parse, ct) =>
        {
            var writer = output ?? Console.Out;
            try
            {
                var sizes = ParseSizes(parse.GetValue(articles)!);
                var configFile = parse.GetValue(config)?.FullName;
                var workDir = parse.GetValue(work)?.FullName
                    ?? Path.Combine(ChatBotPaths.FromConfiguration(ChatBotConfiguration.Build(configFile)).DataDirectory, "bench");
                var settings = new BenchSettings
                {
                    Sizes = sizes,
                    CorpusKind = parse.GetValue(kind)!,
                    PeersCorpus = parse.GetValue(peersCorpus)?.FullName,
                    QueriesFile = parse.GetValue(queries)?.FullName,
                    Runs = parse.GetValue(runs),
                    IndexRuns = parse.GetValue(indexRuns),
                    Seed = parse.GetValue(seed),
                    WorkDirectory = workDir,
                    ConfigFile = configFile,
                    Server = ParseServer(parse.GetValue(server)),
                    Conversations = parse.GetValue(conversations),
                    AsksPerConversation = parse.GetValue(asks),
                    ReplyTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                    Transport = parse.GetValue(transport),
                    PollMilliseconds = parse.GetValue(poll),
                    PeersResults = parse.GetValue(peersResults)!.FullName,
                    Skip = SkippedSteps(parse.GetValue(skip)).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    Out = parse.GetValue(outFile)?.FullName,
                    LuceneHarness = parse.GetValue(lucene)?.FullName,
                    Rounds = parse.GetValue(rounds),
                };
                if (settings.LuceneHarness is not null && settings.CorpusKind != "peers")
                {
                    throw new ConfigurationException("--lucene: Lucene runs on the peers' corpus and questions only; add --corpus-kind peers");
                }

                var report = await new BenchRunner(settings, configureServices, writer).RunAsync(ct);
                var markdown = BenchReportWriter.ToMarkdown(report);
                writer.WriteLine();
                writer.Write(markdown);
                if (settings.Out is { } path)
                {
                    var json = Path.ChangeExtension(path, ".json");
                    var md = Path.ChangeExtension(path, ".md");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(md, markdown, ct);
                    await File.WriteAllTextAsync(json, BenchReportWriter.ToJson(report), ct);
                    writer.WriteLine($"Wrote {md} and {json}.");
                }

                return 0;
            }
            catch (Exception ex) when (ex is ChatBotException or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
            {
                Console.Error.WriteLine($"bench: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string[] SkippedSteps(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri? ParseServer(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"--server {text}: not an http(s) URL (e.g. http://127.0.0.1:3978)");
        }

        return uri.IsLoopback ? uri : throw new ConfigurationException($"--server {text}: the load test runs against loopback only (127.0.0.1, ::1, localhost)");
    }

    private static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = part.Replace("_", string.Empty, StringComparison.Ordinal);
            var multiplier = value.EndsWith('k') ? 1000 : 1;
            if (!int.TryParse(value.TrimEnd('k'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 10_000_000 / multiplier)
            {
                throw new ConfigurationException($"--articles: '{part}' is not a corpus size (e.g. 10000,100000 or 10k,100k)");
            }

            sizes.Add(n * multiplier);
        }

        return sizes.Count > 0 ? sizes : throw new ConfigurationException("--articles: no sizes given");
    }
}
