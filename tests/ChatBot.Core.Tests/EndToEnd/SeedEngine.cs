using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Tests.EndToEnd;

/// <summary>
/// The real engine, wired as the hosts wire it (AddChatBotCore over the repository's appsettings.json), answering from
/// the seed corpus in corpus/ with its index in a temporary folder. Shared by the tests of one class.
/// </summary>
public sealed class SeedEngine : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "chatbot-seed-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    public SeedEngine()
    {
        var configuration = ChatBotConfiguration.Build(
            Path.Combine(RepositoryPaths.Root, ChatBotConfiguration.FileName),
            new Dictionary<string, string?> { ["DataDirectory"] = _data });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChatBotCore(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Answering = _services.GetRequiredService<IAnsweringService>();
    }

    public IAnsweringService Answering { get; }

    public IServiceProvider Services => _services;

    public Task<Answer> AskAsync(string question, params string[] turns) =>
        Answering.AnswerAsync(new AnswerRequest { Question = question, Turns = turns }, CancellationToken.None);

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
