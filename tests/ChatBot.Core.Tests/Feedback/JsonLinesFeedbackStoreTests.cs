using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Feedback;

namespace ChatBot.Core.Tests.Feedback;

public sealed class JsonLinesFeedbackStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "chatbot-feedback-tests", Guid.NewGuid().ToString("N"));
    private readonly JsonLinesFeedbackStore _store;

    public JsonLinesFeedbackStoreTests() =>
        _store = new JsonLinesFeedbackStore(new ChatBotPaths(_root, "data", "corpus", "prompts", null));

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentWriters_EveryRecordReadsBackWhole()
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => _store.AppendAsync(Record(start.AddSeconds(i), $"question {i}"), CancellationToken.None))));

        var read = await ReadAllAsync(null);
        Assert.Equal(200, read.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"question {i}").Order(), read.Select(r => r.Question).Order());
        Assert.Equal("newarab-divided-fronts", read[0].Citations[0].ArticleId);
        Assert.Equal(new DateOnly(2016, 12, 9), read[0].Citations[0].Published);
    }

    [Fact]
    public async Task ReadAsync_Since_SkipsOlderRecordsAcrossDays()
    {
        await _store.AppendAsync(Record(new DateTimeOffset(2026, 11, 19, 23, 0, 0, TimeSpan.Zero), "old"), CancellationToken.None);
        await _store.AppendAsync(Record(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), "new"), CancellationToken.None);

        var read = await ReadAllAsync(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["new"], read.Select(r => r.Question));
        Assert.True(File.Exists(Path.Combine(_root, "data", "feedback", "feedback-2026-11-21.jsonl")));
    }

    [Fact]
    public async Task ReadAsync_TornLine_SkipsItAndReadsTheRest()
    {
        await _store.AppendAsync(Record(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), "kept"), CancellationToken.None);
        await File.AppendAllTextAsync(Path.Combine(_root, "data", "feedback", "feedback-2026-11-21.jsonl"), "{\"time\": \"2026-11-21T09:");

        Assert.Equal(["kept"], (await ReadAllAsync(null)).Select(r => r.Question));
    }

    private async Task<List<FeedbackRecord>> ReadAllAsync(DateTimeOffset? since)
    {
        var records = new List<FeedbackRecord>();
        await foreach (var record in _store.ReadAsync(since, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private static FeedbackRecord Record(DateTimeOffset time, string question) => new()
    {
        Time = time,
        Channel = "webchat",
        Helpful = false,
        Reason = "misattributed",
        Question = question,
        Answer = "The New Arab reported ... [1]",
        Citations = [new Citation { N = 1, ArticleId = "newarab-divided-fronts", Outlet = "The New Arab", Quote = "The IS advance ...", Published = new DateOnly(2016, 12, 9) }],
        PromptVersion = "0123456789ab",
    };
}
