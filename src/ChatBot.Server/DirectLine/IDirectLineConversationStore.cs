namespace ChatBot.Server.DirectLine;

/// <summary>
/// Direct Line conversations: each an ordered, bounded activity queue read by watermark, plus the answers given in it
/// (for feedback). Bounded and expiring; an in-memory implementation serves one instance, a shared store can replace it.
/// </summary>
/// <remarks>Thread-safe. Watermarks are opaque to clients; they only grow.</remarks>
public interface IDirectLineConversationStore
{
    /// <summary>Creates the conversation; false when it exists already.</summary>
    Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Appends an activity, giving it a server id and timestamp; null when the conversation is unknown or expired.</summary>
    Task<DirectLineActivity?> AppendAsync(string conversationId, DirectLineActivity activity, CancellationToken cancellationToken);

    /// <summary>The activities after a watermark (null or empty = from the start); null when the conversation is unknown or expired.</summary>
    Task<DirectLineActivitySet?> GetActivitiesAsync(string conversationId, string? watermark, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the conversation holds an activity after <paramref name="watermark"/>, or <paramref name="timeout"/>
    /// passes, so a client's poll can be held instead of repeated (it returns at once when there is one already).
    /// </summary>
    Task WaitForActivitiesAsync(string conversationId, string? watermark, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// When a client last fetched the conversation's activities (its creation until then), without counting as a use;
    /// null when the conversation is unknown or expired.
    /// </summary>
    Task<DateTimeOffset?> LastReadAsync(string conversationId, CancellationToken cancellationToken);

    Task RememberAnswerAsync(string conversationId, string answerKey, AnsweredTurn turn, CancellationToken cancellationToken);

    Task<AnsweredTurn?> FindAnswerAsync(string conversationId, string answerKey, CancellationToken cancellationToken);
}
