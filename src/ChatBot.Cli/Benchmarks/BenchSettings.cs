namespace ChatBot.Cli.Benchmarks;

/// <summary>The benchmark's flags, parsed.</summary>
public sealed record BenchSettings
{
    public required IReadOnlyList<int> Sizes { get; init; }

    /// <summary>"synth" (our generator) or "peers" (the peers' JSONL, the Lucene comparison workload).</summary>
    public required string CorpusKind { get; init; }

    public string? PeersCorpus { get; init; }

    public string? QueriesFile { get; init; }

    public int Runs { get; init; } = 3;

    public int IndexRuns { get; init; } = 1;

    /// <summary>
    /// The peers' run.sh: when set, each size is measured in <see cref="Rounds"/> rounds, each a Lucene run followed
    /// by ours, and the report gives medians of the paired ratios.
    /// </summary>
    public string? LuceneHarness { get; init; }

    /// <summary>Measurement rounds per size (an index build and the query runs each); medians are reported.</summary>
    public int Rounds { get; init; } = 1;

    public long Seed { get; init; } = 42;

    public required string WorkDirectory { get; init; }

    public string? ConfigFile { get; init; }

    public Uri? Server { get; init; }

    public int Conversations { get; init; } = 50;

    public int AsksPerConversation { get; init; } = 4;

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public DirectLineTransport Transport { get; init; } = DirectLineTransport.WebSocket;

    /// <summary>With polling: how often each conversation polls for its reply (Web Chat, when it cannot open the stream, polls every 700 ms).</summary>
    public int PollMilliseconds { get; init; } = 20;

    public string PeersResults { get; init; } = "/tmp/peers-data/results";

    public IReadOnlySet<string> Skip { get; init; } = new HashSet<string>();

    public string? Out { get; init; }
}
