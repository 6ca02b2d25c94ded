using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using ChatBot.Server.Api;
using ChatBot.Server.DirectLine;
using ChatBot.Server.Health;
using ChatBot.Server.Problems;
using ChatBot.Server.RateLimiting;
using ChatBot.Server.Telemetry;
using ChatBot.Server.Widget;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Server;

/// <summary>The server's one wiring entry point (after <c>AddChatBotCore</c>), and its middleware.</summary>
public static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the web doors: /api/ask, /healthz and its index watcher, the local Direct Line and the web chat page,
    /// the in-memory conversation and Direct Line stores, the JSON-lines feedback store, rate limits, ProblemDetails,
    /// telemetry; options validated at start-up. Stores are registered with TryAdd, so a shared store registered
    /// earlier wins.
    /// </summary>
    public static IServiceCollection AddChatBotServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EditorOptions>().Bind(configuration.GetSection(EditorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<ServerOptions>>(
            (host, server) => host.ShutdownTimeout = TimeSpan.FromSeconds(server.Value.ShutdownTimeoutSeconds));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<WebChatTurnHandler>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<DirectLineTurnWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineTurnWorker>());
        services.AddSingleton<IndexHealth>();
        services.AddHostedService<IndexWatcher>();

        services.AddMetrics();
        services.AddSingleton<ServerTelemetry>();
        services.AddHostedService<OpenTelemetryExportService>();
        DecorateAnsweringService(services);

        services.AddProblemDetails();
        services.AddExceptionHandler<ChatBotProblemHandler>();
        services.ConfigureHttpJsonOptions(options => AnswerJson.Configure(options.SerializerOptions));
        services.AddChatBotRateLimits();
        return services;
    }

    /// <summary>Middleware in order: failures to ProblemDetails, body limit, the page's static files, WebSockets (the Direct Line stream), rate limits.</summary>
    public static WebApplication UseChatBotServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseWidgetPage();
        app.UseWebSockets();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Wraps whatever IAnsweringService is registered so far in the tracing decorator.</summary>
    private static void DecorateAnsweringService(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAnsweringService));
        if (inner is null)
        {
            return;
        }

        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(
            typeof(IAnsweringService),
            sp => new TracingAnsweringService(Resolve(sp, inner), sp.GetRequiredService<ServerTelemetry>()),
            inner.Lifetime));
    }

    private static IAnsweringService Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => (IAnsweringService)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
