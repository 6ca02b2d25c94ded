namespace ChatBot.Cli.Benchmarks;

/// <summary>A whole benchmark run.</summary>
public sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required string Machine { get; init; }

    public required IReadOnlyList<SizeResult> Sizes { get; init; }

    public ServerLoadResult? Server { get; init; }

    public string? ServerNote { get; init; }

    public required string CommandLine { get; init; }
}
