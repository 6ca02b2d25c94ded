using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Indexing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Fakes;

/// <summary>
/// The real server with a fake answering engine and index, its data directory in a fresh temporary folder, every log
/// message captured, and settings the test chooses.
/// </summary>
public class ChatBotServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ChatBotServerFactory(IDictionary<string, string?>? settings = null, FakePassageIndex? index = null)
    {
        _settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        Index = index ?? new FakePassageIndex();
        DataDirectory = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
    }

    public FakeAnsweringService Answering { get; } = new();

    public FakePassageIndex Index { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            var root = ChatBotConfiguration.Locate() is { } file ? Path.GetDirectoryName(file)! : Directory.GetCurrentDirectory();
            services.AddSingleton(new ChatBotPaths(root, DataDirectory, "corpus", "prompts", null));
            services.AddSingleton<IAnsweringService>(Answering);
            services.AddSingleton<IPassageIndex>(Index);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
