using System.Net;
using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using ChatBot.Server.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Bot;

/// <summary>
/// The real server with the real bot layer, its validator pointed at the loopback metadata, and fakes for the engine,
/// the stores and MSAL. <see cref="RemoteAddress"/> is the caller's address as the server sees it.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly BotFrameworkLoopback _loopback;
    private readonly bool _withAppId;

    public BotApplicationFactory(BotFrameworkLoopback loopback, bool withAppId = true, IPAddress? remoteAddress = null)
    {
        _loopback = loopback;
        _withAppId = withAppId;
        RemoteAddress = remoteAddress ?? IPAddress.Loopback;
    }

    public IPAddress RemoteAddress { get; }

    public FakeAnsweringService Answering { get; } = new();

    public FakeFeedbackStore Feedback { get; } = new();

    public FakeConversationStore Conversations { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = _withAppId ? BotFrameworkLoopback.AppId : string.Empty,
            ["Bot:MicrosoftAppTenantId"] = _withAppId ? BotFrameworkLoopback.TenantId : string.Empty,
            ["Bot:MicrosoftAppPassword"] = _withAppId ? "not-a-real-secret" : string.Empty,
            ["Bot:ChannelOpenIdMetadataUrl"] = _loopback.ChannelMetadataUrl.AbsoluteUri,
            ["Bot:EmulatorOpenIdMetadataUrl"] = _loopback.EntraMetadataUrl.AbsoluteUri,
            ["Bot:MaxActivityBytes"] = "65536",
        }));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAnsweringService>(Answering);
            services.AddSingleton<IFeedbackStore>(Feedback);
            services.AddSingleton<IConversationStore>(Conversations);
            services.AddSingleton<IConnectorTokenProvider, FakeConnectorTokenProvider>();
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(RemoteAddress));
        });
    }

    /// <summary>The in-memory test server has no socket, so the caller's address is set here.</summary>
    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
