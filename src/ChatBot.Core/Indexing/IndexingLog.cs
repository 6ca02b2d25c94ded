using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Indexing;

/// <summary>The indexing and retrieval log messages (source-generated; event ids 2xxx, apart from the server's 1xxx).</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Index {Path}: {Kind} build started ({Files} files)")]
    public static partial void BuildStarted(ILogger logger, string path, string kind, int files);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Index {Path}: +{Added} ~{Updated} -{Removed} articles, {Articles} articles / {Passages} passages, {Megabytes:F1} MB in {Seconds:F1} s")]
    public static partial void BuildFinished(ILogger logger, string path, int added, int updated, int removed, int articles, int passages, double megabytes, double seconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Index: {Warning}")]
    public static partial void CorpusWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Index {Path}: build cancelled or failed; the previous index stays in use")]
    public static partial void BuildAbandoned(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Index {Path} is stale ({Reason}); rebuilding")]
    public static partial void Stale(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Index {Path}: retrieval failed; the question is answered without passages")]
    public static partial void RetrievalFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Retrieval ran {Queries} FTS5 queries over {Terms} terms, {Candidates} candidates")]
    public static partial void Retrieved(ILogger logger, int queries, int terms, int candidates);
}
