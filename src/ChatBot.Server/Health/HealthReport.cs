namespace ChatBot.Server.Health;

/// <summary>The /healthz body: 200 when <see cref="Status"/> is "ready", else 503.</summary>
public sealed record HealthReport
{
    /// <summary>"ready", "building" (no complete index yet) or "unavailable" (no index can be built; see <see cref="Error"/>).</summary>
    public required string Status { get; init; }

    public DateTimeOffset? BuiltAt { get; init; }

    public int ArticleCount { get; init; }

    public int PassageCount { get; init; }

    /// <summary>The newest article's date: what "now" means in answers.</summary>
    public DateOnly? Newest { get; init; }

    /// <summary>True while an update runs (the previous build stays in use).</summary>
    public bool Updating { get; init; }

    /// <summary>"extractive" or "generative" (Answering:Composer).</summary>
    public required string Composer { get; init; }

    /// <summary>The model circuit breaker: "closed", "open", "half-open", or "none" when no model is configured.</summary>
    public required string Circuit { get; init; }

    public DateTimeOffset? LastCorpusCheck { get; init; }

    public string? Error { get; init; }
}
