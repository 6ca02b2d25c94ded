using ChatBot.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>Wires the Bot Framework endpoint (Teams, Emulator, Agents Playground).</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    internal const string MetadataHttpClient = "BotFramework.OpenIdMetadata";
    private const string SecretKey = BotOptions.Section + ":" + nameof(BotOptions.MicrosoftAppPassword);

    /// <summary>
    /// Registers the protocol layer (section "Bot", validated at start-up). The answering service, conversation store
    /// and feedback store come from the engine's own registrations.
    /// </summary>
    /// <exception cref="ConfigurationException">The app secret is written in a settings file rather than given by the environment or user secrets.</exception>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        RejectSecretInSettingsFile(configuration);

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataHttpClient);
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.TryAddSingleton<IReplyLedger, InMemoryReplyLedger>();
        services.AddSingleton<BotRequestAuthenticator>();
        services.AddSingleton<BotReplyBacklog>();
        services.AddHostedService<BotReplyWorker>();
        services.AddTransient<CloudAdapter>();
        services.TryAddTransient<IAgent, AnsweringActivityHandler>();
        return services;
    }

    /// <summary>The secret may come only from environment variables or user secrets (design.md), never from a settings file.</summary>
    private static void RejectSecretInSettingsFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var provider in root.Providers)
        {
            if (provider is ChainedConfigurationProvider { Configuration: { } inner })
            {
                RejectSecretInSettingsFile(inner);
            }
            else if (provider is FileConfigurationProvider file
                && !string.Equals(file.Source.Path, "secrets.json", StringComparison.OrdinalIgnoreCase)
                && provider.TryGet(SecretKey, out var value) && !string.IsNullOrEmpty(value))
            {
                throw new ConfigurationException(
                    $"{file.Source.Path}: {SecretKey} must not be written in a settings file; give it in the environment variable CHATBOT_Bot__MicrosoftAppPassword or in user secrets.");
            }
        }
    }
}
