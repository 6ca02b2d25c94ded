namespace ChatBot.Cli.Benchmarks;

/// <summary>Claim extraction timed alone on one thread (<see cref="ClaimExtractionBench"/>).</summary>
public sealed record ClaimExtractionResult
{
    public required int Articles { get; init; }

    /// <summary>Claims extracted: one per sentence.</summary>
    public required long Sentences { get; init; }

    /// <summary>Article text in the timed pass, in millions of characters (as the index build's MB/s counts it).</summary>
    public required double ArticleTextMB { get; init; }

    public required double Seconds { get; init; }

    public required double MegabytesPerSecond { get; init; }

    /// <summary>CPU seconds the timed pass used on its thread (Linux only): unlike wall time, not lengthened by other processes.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>MB of article text per CPU second of the thread (Linux only).</summary>
    public double? MegabytesPerCpuSecond { get; init; }

    /// <summary>Bytes the timed pass allocated on its thread, in millions.</summary>
    public required double AllocatedMB { get; init; }
}
