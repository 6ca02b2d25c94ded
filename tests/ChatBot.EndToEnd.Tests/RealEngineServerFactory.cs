using System.Net;
using ChatBot.Core.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.EndToEnd.Tests;

/// <summary>
/// The real server with the real answering engine over the seed corpus, on Kestrel at 127.0.0.1 with a port the system
/// picks, its data directory (the index is built there on start) in a fresh temporary folder. Local mode: no app id, so
/// the bot endpoint takes unauthenticated activities from loopback and replies to loopback only.
/// </summary>
public sealed class RealEngineServerFactory : WebApplicationFactory<Program>
{
    public RealEngineServerFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "chatbot-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>The server's address once <see cref="StartAsync"/> has run, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts Kestrel and waits (bounded) until <c>/healthz</c> says the index is ready.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Server start: /healthz at {BaseAddress} was not ready within {timeout.TotalSeconds:0} s; last saw: {last}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Whatever the machine's environment says: local mode and the extractive composer (no cloud account).
            ["Bot:MicrosoftAppId"] = "",
            ["Answering:Composer"] = "extractive",
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        builder.ConfigureTestServices(services =>
        {
            var root = ChatBotConfiguration.Locate() is { } file ? Path.GetDirectoryName(file)! : Directory.GetCurrentDirectory();
            services.AddSingleton(new ChatBotPaths(root, DataDirectory, "corpus", "prompts", null));
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
