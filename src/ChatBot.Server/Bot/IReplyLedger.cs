namespace ChatBot.Server.Bot;

/// <summary>
/// Which answer each posted reply carried, by conversation and reply activity id. Bounded; an in-memory ledger serves
/// one instance, a shared store can replace it behind this interface.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public interface IReplyLedger
{
    void Remember(string conversationId, string replyId, AnsweredReply reply);

    AnsweredReply? Find(string conversationId, string replyId);

    /// <summary>The conversation's most recent answer still remembered (for feedback that names no reply).</summary>
    AnsweredReply? FindLatest(string conversationId);
}
