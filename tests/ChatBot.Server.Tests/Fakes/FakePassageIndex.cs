using ChatBot.Core.Indexing;

namespace ChatBot.Server.Tests.Fakes;

/// <summary>An index whose first build waits until the test releases it; later updates change nothing.</summary>
public sealed class FakePassageIndex : IPassageIndex
{
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IndexStatus _status = new() { IsReady = false, IsBuilding = true };
    private int _updates;

    public FakePassageIndex(bool readyAtOnce = true)
    {
        if (readyAtOnce)
        {
            _firstBuild.SetResult();
        }
    }

    public IndexStatus Status => _status;

    public int Updates => _updates;

    public void CompleteFirstBuild() => _firstBuild.TrySetResult();

    public async Task<IndexBuildReport> UpdateAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var first = Interlocked.Increment(ref _updates) == 1;
        await _firstBuild.Task.WaitAsync(cancellationToken);
        _status = new IndexStatus
        {
            IsReady = true,
            BuiltAt = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
            ArticleCount = 5,
            PassageCount = 61,
            Newest = new DateOnly(2016, 12, 14),
        };
        return new IndexBuildReport { Added = first ? 5 : 0, Articles = 5, Passages = 61, FullRebuild = first };
    }
}
