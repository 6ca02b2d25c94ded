namespace ChatBot.Core.Retrieval;

/// <summary>The passages found for a query, best first, and how the query was run (for the editors' view).</summary>
public sealed record RetrievalResult
{
    public required IReadOnlyList<PassageHit> Hits { get; init; }

    /// <summary>The FTS5 expression(s) actually run, after term selection.</summary>
    public IReadOnlyList<string> QueriesRun { get; init; } = [];

    /// <summary>The question's terms judged to carry it (aliases resolved), in the order used.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    public static RetrievalResult Empty { get; } = new() { Hits = [] };
}
