using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// Direct Line conversations in this process's memory: at most <see cref="DirectLineOptions.MaxConversations"/>
/// (the least recently used goes first), each keeping its last <see cref="DirectLineOptions.MaxActivitiesPerConversation"/>
/// activities and as many remembered answers, forgotten after <see cref="DirectLineOptions.IdleExpiryMinutes"/> idle.
/// </summary>
/// <remarks>Thread-safe: a lock for the map, and one per conversation for its queue.</remarks>
public sealed class InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IDirectLineConversationStore
{
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly DirectLineOptions _options = options.Value;

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

    public Task<bool> CreateAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (Find(conversationId, now) is not null)
            {
                return Task.FromResult(false);
            }

            foreach (var expired in _conversations.Where(pair => IsExpired(pair.Value, now)).Select(pair => pair.Key).ToList())
            {
                _conversations.Remove(expired);
            }

            if (_conversations.Count >= _options.MaxConversations)
            {
                _conversations.Remove(_conversations.MinBy(pair => pair.Value.LastUsed).Key);
            }

            _conversations[conversationId] = new Conversation { LastUsed = now, LastRead = now };
            return Task.FromResult(true);
        }
    }

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Touch(conversationId) is not null);

    public Task<DirectLineActivity?> AppendAsync(string conversationId, DirectLineActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (Touch(conversationId) is not { } conversation)
        {
            return Task.FromResult<DirectLineActivity?>(null);
        }

        lock (conversation.Gate)
        {
            var sequence = ++conversation.LastSequence;
            var stamped = activity with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}"),
                Timestamp = time.GetUtcNow(),
                Conversation = new ConversationAccount(conversationId),
            };
            conversation.Activities.Enqueue((sequence, stamped));
            while (conversation.Activities.Count > _options.MaxActivitiesPerConversation)
            {
                conversation.Activities.Dequeue();
            }

            // Wake the polls held for this conversation.
            conversation.Appended.TrySetResult();
            conversation.Appended = NewSignal();
            return Task.FromResult<DirectLineActivity?>(stamped);
        }
    }

    public Task<DirectLineActivitySet?> GetActivitiesAsync(string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        // One pass under the map's lock marks both the use and the read (every stream push and poll comes here).
        if (Touch(conversationId, read: true) is not { } conversation)
        {
            return Task.FromResult<DirectLineActivitySet?>(null);
        }

        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        lock (conversation.Gate)
        {
            var activities = conversation.Activities.Where(entry => entry.Sequence > after).Select(entry => entry.Activity).ToList();
            var next = Math.Max(after, conversation.LastSequence).ToString(CultureInfo.InvariantCulture);
            return Task.FromResult<DirectLineActivitySet?>(new DirectLineActivitySet(activities, next));
        }
    }

    public async Task WaitForActivitiesAsync(string conversationId, string? watermark, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A client held waiting for its reply is reading: its answer must not be abandoned while it waits.
        if (Touch(conversationId, read: true) is not { } conversation)
        {
            return;
        }

        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        Task appended;
        lock (conversation.Gate)
        {
            if (conversation.LastSequence > after)
            {
                return;
            }

            appended = conversation.Appended.Task;
        }

        try
        {
            await appended.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing new in time: the client gets an empty page and polls again.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DateTimeOffset?> LastReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(conversationId, time.GetUtcNow())?.LastRead);
        }
    }

    public Task RememberAnswerAsync(string conversationId, string answerKey, AnsweredTurn turn, CancellationToken cancellationToken)
    {
        if (Touch(conversationId) is { } conversation)
        {
            lock (conversation.Gate)
            {
                conversation.Answers[answerKey] = turn;
                conversation.AnswerOrder.Enqueue(answerKey);
                while (conversation.AnswerOrder.Count > _options.MaxActivitiesPerConversation)
                {
                    conversation.Answers.Remove(conversation.AnswerOrder.Dequeue());
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<AnsweredTurn?> FindAnswerAsync(string conversationId, string answerKey, CancellationToken cancellationToken)
    {
        if (Touch(conversationId) is { } conversation)
        {
            lock (conversation.Gate)
            {
                return Task.FromResult(conversation.Answers.GetValueOrDefault(answerKey));
            }
        }

        return Task.FromResult<AnsweredTurn?>(null);
    }

    private Conversation? Touch(string conversationId, bool read = false)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var conversation = Find(conversationId, now);
            if (conversation is not null)
            {
                conversation.LastUsed = now;
                if (read)
                {
                    conversation.LastRead = now;
                }
            }

            return conversation;
        }
    }

    private Conversation? Find(string conversationId, DateTimeOffset now)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        if (IsExpired(conversation, now))
        {
            _conversations.Remove(conversationId);
            return null;
        }

        return conversation;
    }

    private bool IsExpired(Conversation conversation, DateTimeOffset now) =>
        now - conversation.LastUsed >= TimeSpan.FromMinutes(_options.IdleExpiryMinutes);

    private sealed class Conversation
    {
        public Lock Gate { get; } = new();

        public Queue<(long Sequence, DirectLineActivity Activity)> Activities { get; } = new();

        public long LastSequence { get; set; }

        /// <summary>Completed (and replaced) at each append, under <see cref="Gate"/>.</summary>
        public TaskCompletionSource Appended { get; set; } = NewSignal();

        public Dictionary<string, AnsweredTurn> Answers { get; } = new(StringComparer.Ordinal);

        public Queue<string> AnswerOrder { get; } = new();

        public DateTimeOffset LastUsed { get; set; }

        /// <summary>Guarded by the map's lock, like <see cref="LastUsed"/>.</summary>
        public DateTimeOffset LastRead { get; set; }
    }
}
