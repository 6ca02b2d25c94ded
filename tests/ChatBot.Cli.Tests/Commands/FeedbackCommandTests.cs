using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatBot.Cli.Commands;
using ChatBot.Core.Feedback;

namespace ChatBot.Cli.Tests.Commands;

public sealed class FeedbackCommandTests
{
    [Fact]
    public async Task Export_Since_WritesNewerRecordsAsJsonLines()
    {
        var store = new ListFeedbackStore();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var root = new RootCommand { FeedbackCommand.Create(_ => store, output, errors) };

        var exit = await root.Parse(["feedback", "export", "--since", "2026-11-20"]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), store.AskedSince);
        var line = JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("misattributed", line["reason"]!.GetValue<string>());
        Assert.Equal("0123456789ab", line["promptVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_BadSinceDate_ExitsWith2NamingTheOption()
    {
        using var errors = new StringWriter();
        var root = new RootCommand { FeedbackCommand.Create(_ => new ListFeedbackStore(), TextWriter.Null, errors) };

        var exit = await root.Parse(["feedback", "export", "--since", "last tuesday"]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.Contains("--since", errors.ToString(), StringComparison.Ordinal);
    }

    private sealed class ListFeedbackStore : IFeedbackStore
    {
        public DateTimeOffset? AskedSince { get; private set; }

        public Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

        public async IAsyncEnumerable<FeedbackRecord> ReadAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            AskedSince = since;
            await Task.Yield();
            yield return new FeedbackRecord
            {
                Time = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
                Channel = "webchat",
                Helpful = false,
                Reason = "misattributed",
                Question = "How close did IS get to Palmyra?",
                Answer = "The New Arab reported ... [1]",
                PromptVersion = "0123456789ab",
            };
        }
    }
}
