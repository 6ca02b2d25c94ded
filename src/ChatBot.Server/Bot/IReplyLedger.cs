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
}
