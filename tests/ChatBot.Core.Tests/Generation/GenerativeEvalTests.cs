using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.Generation;

/// <summary>
/// `eval` and `prompts compare` in generative mode: the real engine over the seed corpus, its composer talking to a
/// loopback server that speaks the chat-completions wire format (issue 6: "work in this mode against the same
/// loopback server"), and the suite reporting how often each answer path was taken.
/// </summary>
public sealed class GenerativeEvalTests : IAsyncLifetime
{
    private const string Suite = """
        name: generative-smoke
        cases:
          - id: fled
            question: How many Syrians fled because of Russian bombing?
            expect:
              cites: [newarab-aleppo-fate]
              refused: false
          - id: yemen
            question: What is happening in the war in Yemen?
            expect:
              refused: true
        """;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "chatbot-generative-" + Guid.NewGuid().ToString("N"));
    private FakeOpenAiServer? _model;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync([.. Enumerable.Range(0, 20).Select(_ => Reply.QuoteFirstPassage())]);
        var configuration = ChatBotConfiguration.Build(Path.Combine(RepositoryPaths.Root, ChatBotConfiguration.FileName), new Dictionary<string, string?>
        {
            ["DataDirectory"] = _data,
            ["Answering:Composer"] = "generative",
            ["Model:Endpoint"] = _model.Endpoint.ToString(),
            ["Model:Model"] = "test-model",
            ["Model:Auth"] = "none",
        });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChatBotCore(configuration);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_model is not null)
        {
            await _model.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_GenerativeMode_AnswersThroughTheModelAndCountsThePaths()
    {
        var runner = new SuiteRunner(_services!.GetRequiredService<IAnsweringService>());

        var run = await runner.RunAsync(SuiteLoader.Parse("generative-smoke.yaml", Suite), prompts: null, progress: null, CancellationToken.None);

        var fled = run.Cases.Single(c => c.Case.Id == "fled");
        Assert.Equal(AnswerMode.Generative, fled.Answer.Mode);
        Assert.Contains("[1]", fled.Answer.Text, StringComparison.Ordinal);
        Assert.True(fled.Passed, string.Join("; ", fled.Failures));
        Assert.True(run.Cases.Single(c => c.Case.Id == "yemen").Answer.Refused);
        Assert.Equal(run.Cases.Count, run.Summary.Modes.Values.Sum());
        Assert.True(run.Summary.Modes.GetValueOrDefault("generative") >= 1);
        Assert.NotEmpty(_model!.Requests);
    }

    [Fact]
    public async Task PromptComparison_GenerativeMode_RunsBothSetsAgainstTheModel()
    {
        var prompts = _services!.GetRequiredService<IPromptSetProvider>();
        var runner = new SuiteRunner(_services!.GetRequiredService<IAnsweringService>());
        var suite = SuiteLoader.Parse("generative-smoke.yaml", Suite);

        var comparison = await PromptComparison.RunAsync(runner, suite, prompts.Current,
            prompts.Load(Path.Combine(RepositoryPaths.Root, "tests", "ChatBot.Core.Tests", "TestData", "Prompts", "variant")), progress: null, CancellationToken.None);

        Assert.Equal(2, comparison.A.Cases.Count);
        Assert.Equal(2, comparison.B.Cases.Count);
        Assert.Contains("generative-smoke", comparison.ToMarkdown(), StringComparison.Ordinal);
        Assert.NotEqual(comparison.A.PromptVersion, comparison.B.PromptVersion);
    }
}
