namespace ChatBot.Core.Conversations;

/// <summary>
/// Earlier user turns per conversation, for follow-up questions. Bounded (turns per conversation, conversations in
/// all) and expiring; an in-memory implementation serves one instance, a shared store can replace it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IConversationStore
{
    /// <summary>The earlier user turns of a conversation, oldest first (empty for an unknown or expired one).</summary>
    Task<IReadOnlyList<string>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records a user turn; the oldest turns are dropped past the limit.</summary>
    Task AddTurnAsync(string conversationId, string question, CancellationToken cancellationToken);
}
