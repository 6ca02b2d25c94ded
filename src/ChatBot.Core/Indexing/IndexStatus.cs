namespace ChatBot.Core.Indexing;

/// <summary>What the index in use holds (shown by /healthz and `chatbot index`).</summary>
public sealed record IndexStatus
{
    /// <summary>False until a first build has completed; readers then see the last complete build.</summary>
    public required bool IsReady { get; init; }

    /// <summary>True while a build or update runs (the previous build stays in use meanwhile).</summary>
    public bool IsBuilding { get; init; }

    public DateTimeOffset? BuiltAt { get; init; }

    public int ArticleCount { get; init; }

    public int PassageCount { get; init; }

    /// <summary>The newest article's date: "now" for answers about a changing situation.</summary>
    public DateOnly? Newest { get; init; }

    public string? Path { get; init; }
}
