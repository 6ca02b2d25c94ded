namespace ChatBot.Core.Indexing;

/// <summary>
/// The search index over the corpus: one SQLite file with FTS5 over alias-normalised passage text.
/// Updates are incremental (only changed files are re-read) and atomic: readers never see a half-built index, and
/// an interrupted build leaves the previous one in use.
/// </summary>
/// <remarks>Thread-safe. One update runs at a time; concurrent callers wait for it. Honours cancellation.</remarks>
public interface IPassageIndex
{
    IndexStatus Status { get; }

    /// <summary>Brings the index up to date with the corpus folder; a no-op (zero changes) when nothing changed.</summary>
    Task<IndexBuildReport> UpdateAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// First use: builds the index when it is missing or stale (aliases.yaml or the analysis chain changed since it was
    /// built), otherwise returns at once without scanning the corpus. Safe to call before every question.
    /// </summary>
    async Task<IndexStatus> EnsureReadyAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Status.IsReady)
        {
            await UpdateAsync(progress, cancellationToken);
        }

        return Status;
    }
}
