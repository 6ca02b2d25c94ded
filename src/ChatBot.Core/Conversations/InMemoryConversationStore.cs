using Microsoft.Extensions.Options;

namespace ChatBot.Core.Conversations;

/// <summary>
/// Earlier user turns per conversation, in this process's memory: at most
/// <see cref="ConversationOptions.MaxTurnsPerConversation"/> turns each, at most
/// <see cref="ConversationOptions.MaxConversations"/> conversations (the least recently used goes first), and a
/// conversation idle for <see cref="ConversationOptions.IdleExpiryMinutes"/> is forgotten.
/// </summary>
/// <remarks>Thread-safe: one lock guards the map; every operation is short and never awaits inside it.</remarks>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ConversationOptions _options;
    private readonly TimeProvider _time;

    public InMemoryConversationStore(IOptions<ConversationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Conversations held now (expired ones included until the next write sweeps them).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _conversations.Count;
            }
        }
    }

    public Task<IReadOnlyList<string>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_conversations.TryGetValue(conversationId, out var entry))
            {
                if (IsExpired(entry, now))
                {
                    _conversations.Remove(conversationId);
                }
                else
                {
                    return Task.FromResult<IReadOnlyList<string>>([.. entry.Turns]);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    public Task AddTurnAsync(string conversationId, string question, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(question);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var entry) || IsExpired(entry, now))
            {
                SweepExpired(now);
                if (_conversations.Count >= _options.MaxConversations)
                {
                    var oldest = _conversations.MinBy(pair => pair.Value.LastUsed).Key;
                    _conversations.Remove(oldest);
                }

                entry = new Entry();
                _conversations[conversationId] = entry;
            }

            entry.Turns.Enqueue(question);
            while (entry.Turns.Count > _options.MaxTurnsPerConversation)
            {
                entry.Turns.Dequeue();
            }

            entry.LastUsed = now;
        }

        return Task.CompletedTask;
    }

    private bool IsExpired(Entry entry, DateTimeOffset now) =>
        now - entry.LastUsed >= TimeSpan.FromMinutes(_options.IdleExpiryMinutes);

    private void SweepExpired(DateTimeOffset now)
    {
        foreach (var key in _conversations.Where(pair => IsExpired(pair.Value, now)).Select(pair => pair.Key).ToList())
        {
            _conversations.Remove(key);
        }
    }

    private sealed class Entry
    {
        public Queue<string> Turns { get; } = new();

        public DateTimeOffset LastUsed { get; set; }
    }
}
