namespace ChatBot.Core.Feedback;

/// <summary>Keeps feedback under the data directory for editors (`chatbot feedback export`).</summary>
/// <remarks>Thread-safe; appends are durable once the task completes.</remarks>
public interface IFeedbackStore
{
    Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>Stored feedback, oldest first, optionally only since a time.</summary>
    IAsyncEnumerable<FeedbackRecord> ReadAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
