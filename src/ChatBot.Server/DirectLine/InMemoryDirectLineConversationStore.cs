using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// Direct Line conversations in this process's memory: at most <see cref="DirectLineOptions.MaxConversations"/>
/// (the least recently used goes first), each keeping its last <see cref="DirectLineOptions.MaxActivitiesPerConversation"/>
/// activities and as many remembered answers, forgotten after <see cref="DirectLineOptions.IdleExpiryMinutes"/> idle;
/// and about <see cref="DirectLineOptions.MaxActivities"/> activities in all (past it, the least recently used
/// conversations give up first what their clients have shown they hold).
/// </summary>
/// <remarks>Thread-safe: a lock for the map, and one per conversation for its queue.</remarks>
public sealed class InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IDirectLineConversationStore
{
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly DirectLineOptions _options = options.Value;
    private long _kept;
    private long _forgetPast = options.Value.MaxActivities;

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
                Remove(expired);
            }

            if (_conversations.Count >= _options.MaxConversations)
            {
                Remove(_conversations.MinBy(pair => pair.Value.LastUsed).Key);
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

        DirectLineActivity stamped;
        lock (conversation.Gate)
        {
            // Removed since it was found: as if it had not been.
            if (conversation.Removed)
            {
                return Task.FromResult<DirectLineActivity?>(null);
            }

            var sequence = ++conversation.LastSequence;
            stamped = activity with
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}"),
                Timestamp = time.GetUtcNow(),
                Conversation = new ConversationAccount(conversationId),
            };
            conversation.Activities.Enqueue((sequence, stamped));
            var dropped = 0;
            while (conversation.Activities.Count > _options.MaxActivitiesPerConversation)
            {
                conversation.Activities.Dequeue();
                dropped++;
            }

            Interlocked.Add(ref _kept, 1 - dropped);

            // Wake the polls held for this conversation.
            conversation.Appended.TrySetResult();
            conversation.Appended = NewSignal();
        }

        // One pass at a time: the append that claims it (the threshold set out of reach) runs it; the others go on.
        var past = Interlocked.Read(ref _forgetPast);
        if (Interlocked.Read(ref _kept) > past && Interlocked.CompareExchange(ref _forgetPast, long.MaxValue, past) == past)
        {
            ForgetHistories(conversation);
        }

        return Task.FromResult<DirectLineActivity?>(stamped);
    }

    // The least recently used conversations, other than the one being appended to, give up the activities their
    // clients have fetched, and with them their remembered answers, until the store holds nine tenths of its bound: one
    // pass over the map for many appends. The map is copied under its lock and sorted outside it.
    private void ForgetHistories(Conversation appending)
    {
        var target = _options.MaxActivities / 10 * 9;
        try
        {
            (DateTimeOffset LastUsed, Conversation Conversation)[] all;
            lock (_gate)
            {
                all = [.. _conversations.Values.Where(c => c != appending).Select(c => (c.LastUsed, c))];
            }

            Array.Sort(all, (x, y) => x.LastUsed.CompareTo(y.LastUsed));
            foreach (var (_, conversation) in all)
            {
                if (Interlocked.Read(ref _kept) <= target)
                {
                    break;
                }

                lock (conversation.Gate)
                {
                    Forget(conversation);
                }
            }
        }
        finally
        {
            // Short of the target (replies not yet fetched), the next pass waits for another tenth of the bound, so a
            // store full of them does not sort its conversations at every append.
            var kept = Interlocked.Read(ref _kept);
            Interlocked.Exchange(ref _forgetPast, kept <= target ? _options.MaxActivities : kept + (_options.MaxActivities / 10));
        }
    }

    // Under the conversation's gate: the activities its client has fetched leave the store (one not yet fetched is a
    // reply still on its way). When any did, its remembered answers go with them; feedback on those finds nothing.
    private void Forget(Conversation conversation, bool all = false)
    {
        var forgotten = 0;
        while (conversation.Activities.TryPeek(out var oldest) && (all || oldest.Sequence <= conversation.Fetched))
        {
            conversation.Activities.Dequeue();
            forgotten++;
        }

        if (forgotten > 0)
        {
            Interlocked.Add(ref _kept, -forgotten);
            conversation.Answers.Clear();
            conversation.AnswerOrder.Clear();
        }
    }

    // Under the map's lock: the conversation and its history leave the store.
    private void Remove(string conversationId)
    {
        if (_conversations.Remove(conversationId, out var conversation))
        {
            lock (conversation.Gate)
            {
                conversation.Removed = true;
                Forget(conversation, all: true);
            }
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
            // A client asking for what follows a watermark holds everything up to it: the stream sent it, or a poll's
            // page reached it. What this page carries counts only once the next fetch shows it arrived.
            conversation.Fetched = Math.Max(conversation.Fetched, Math.Min(after, conversation.LastSequence));
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
            Remove(conversationId);
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

        /// <summary>The last sequence the client has shown it holds, by fetching after it (under <see cref="Gate"/>).</summary>
        public long Fetched { get; set; }

        /// <summary>Set, under <see cref="Gate"/>, when the conversation leaves the map: nothing more is appended.</summary>
        public bool Removed { get; set; }

        /// <summary>Completed (and replaced) at each append, under <see cref="Gate"/>.</summary>
        public TaskCompletionSource Appended { get; set; } = NewSignal();

        public Dictionary<string, AnsweredTurn> Answers { get; } = new(StringComparer.Ordinal);

        public Queue<string> AnswerOrder { get; } = new();

        public DateTimeOffset LastUsed { get; set; }

        /// <summary>Guarded by the map's lock, like <see cref="LastUsed"/>.</summary>
        public DateTimeOffset LastRead { get; set; }
    }
}
