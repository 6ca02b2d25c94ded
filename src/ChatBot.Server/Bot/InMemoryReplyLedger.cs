using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>The last N replies in memory; the oldest are forgotten first.</summary>
internal sealed class InMemoryReplyLedger : IReplyLedger
{
    private readonly ConcurrentDictionary<(string Conversation, string Reply), AnsweredReply> _replies = new();
    private readonly ConcurrentQueue<(string Conversation, string Reply)> _order = new();
    private readonly ConcurrentDictionary<string, AnsweredReply> _latest = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public InMemoryReplyLedger(IOptions<BotOptions> options) => _capacity = options.Value.RememberedReplies;

    public void Remember(string conversationId, string replyId, AnsweredReply reply)
    {
        var key = (conversationId, replyId);
        _latest[conversationId] = reply;
        if (_replies.TryAdd(key, reply))
        {
            _order.Enqueue(key);
        }

        while (_replies.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            if (_replies.TryRemove(oldest, out var forgotten))
            {
                // The latest answer of a conversation is forgotten with it.
                _latest.TryRemove(new KeyValuePair<string, AnsweredReply>(oldest.Conversation, forgotten));
            }
        }
    }

    public AnsweredReply? FindLatest(string conversationId) => _latest.GetValueOrDefault(conversationId);

    public AnsweredReply? Find(string conversationId, string replyId) => _replies.GetValueOrDefault((conversationId, replyId));
}
