using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>The last N replies in memory; the oldest are forgotten first.</summary>
internal sealed class InMemoryReplyLedger : IReplyLedger
{
    private readonly ConcurrentDictionary<string, AnsweredReply> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, AnsweredReply> _latest = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public InMemoryReplyLedger(IOptions<BotOptions> options) => _capacity = options.Value.RememberedReplies;

    public void Remember(string conversationId, string replyId, AnsweredReply reply)
    {
        var key = Key(conversationId, replyId);
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
                var conversation = oldest[..oldest.IndexOf('\n', StringComparison.Ordinal)];
                _latest.TryRemove(new KeyValuePair<string, AnsweredReply>(conversation, forgotten));
            }
        }
    }

    public AnsweredReply? FindLatest(string conversationId) => _latest.GetValueOrDefault(conversationId);

    public AnsweredReply? Find(string conversationId, string replyId) => _replies.GetValueOrDefault(Key(conversationId, replyId));

    private static string Key(string conversationId, string replyId) => conversationId + "\n" + replyId;
}
