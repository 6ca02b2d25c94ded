using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatBot.Core.Feedback;

namespace ChatBot.Server.Tests.Bot;

public sealed class FakeFeedbackStore : IFeedbackStore
{
    public ConcurrentQueue<FeedbackRecord> Records { get; } = new();

    public Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        Records.Enqueue(record);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<FeedbackRecord> ReadAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var record in Records.Where(r => since is null || r.Time >= since))
        {
            yield return record;
        }
    }
}
