using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Generation;

/// <summary>Wires the generative composer when Answering:Composer is "generative"; otherwise registers nothing.</summary>
public static class GenerationServiceCollectionExtensions
{
    /// <summary>The key under which the extractive composer stays registered as the generative composer's fallback.</summary>
    public const string FallbackKey = "extractive";

    /// <summary>The key under which the rule-based rewriter stays registered as the model rewriter's fallback.</summary>
    public const string RulesKey = "rules";

    /// <summary>
    /// When Answering:Composer is "generative": binds and validates the Model section at start-up, registers the
    /// model client (<see cref="OpenAiChatClient"/> inside <see cref="ResilientChatClient"/>) as <see cref="IChatClient"/>
    /// and <see cref="IModelCircuit"/>, and puts <see cref="GenerativeAnswerComposer"/> (also
    /// <see cref="IStreamingAnswerComposer"/>) and <see cref="ModelQuestionRewriter"/> in place of the
    /// <see cref="IAnswerComposer"/> and <see cref="IQuestionRewriter"/> registered before this call, which stay
    /// registered as keyed services (<see cref="FallbackKey"/>, <see cref="RulesKey"/>) and serve as the fallbacks.
    /// Call it after the extractive composer and the rule-based rewriter are registered.
    /// </summary>
    /// <exception cref="ConfigurationException">Generative is chosen but no composer (or rewriter) was registered before, or Model:ApiKey sits in appsettings.json.</exception>
    public static IServiceCollection AddGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var composer = configuration[$"{AnsweringOptions.Section}:{nameof(AnsweringOptions.Composer)}"];
        if (!string.Equals(composer?.Trim(), "generative", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        RefuseKeyInSettingsFile(configuration);
        MoveToKey<IAnswerComposer>(services, FallbackKey, "the extractive composer");
        MoveToKey<IQuestionRewriter>(services, RulesKey, "the rule-based question rewriter");

        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();

        services.AddSingleton(sp => new ResilientChatClient(
            OpenAiChatClient.Create(sp.GetRequiredService<IOptions<ModelOptions>>().Value),
            sp.GetRequiredService<IOptions<ModelOptions>>().Value,
            sp.GetService<ILogger<ResilientChatClient>>()));
        services.AddSingleton<IChatClient>(sp => sp.GetRequiredService<ResilientChatClient>());
        services.AddSingleton<IModelCircuit>(sp => sp.GetRequiredService<ResilientChatClient>());

        services.AddSingleton(sp => new GenerativeAnswerComposer(
            sp.GetRequiredService<IChatClient>(),
            sp.GetRequiredKeyedService<IAnswerComposer>(FallbackKey),
            sp.GetService<ILogger<GenerativeAnswerComposer>>()));
        services.AddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<GenerativeAnswerComposer>());
        services.AddSingleton<IStreamingAnswerComposer>(sp => sp.GetRequiredService<GenerativeAnswerComposer>());

        services.AddSingleton<IQuestionRewriter>(sp => new ModelQuestionRewriter(
            sp.GetRequiredService<IChatClient>(),
            sp.GetRequiredService<IPromptSetProvider>(),
            sp.GetRequiredKeyedService<IQuestionRewriter>(RulesKey),
            sp.GetService<ILogger<ModelQuestionRewriter>>()));
        return services;
    }

    /// <summary>Moves the last unkeyed registration of <typeparamref name="T"/> to <paramref name="key"/>, keeping its lifetime.</summary>
    private static void MoveToKey<T>(IServiceCollection services, string key, string what)
    {
        if (services.Any(d => d.ServiceType == typeof(T) && d.IsKeyedService && Equals(d.ServiceKey, key)))
        {
            return;
        }

        var existing = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService)
            ?? throw new ConfigurationException($"Answering:Composer is generative, but {what} ({typeof(T).Name}) is not registered before AddGeneration; it is the fallback.");
        services.Remove(existing);
        var keyed = existing switch
        {
            { ImplementationInstance: { } instance } => new ServiceDescriptor(typeof(T), key, instance),
            { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(T), key, (sp, _) => factory(sp), existing.Lifetime),
            _ => new ServiceDescriptor(typeof(T), key, existing.ImplementationType!, existing.Lifetime),
        };
        services.Add(keyed);
    }

    /// <summary>design.md: the key comes from the environment or user secrets only, never from a committed file.</summary>
    private static void RefuseKeyInSettingsFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var provider in root.Providers.OfType<JsonConfigurationProvider>())
        {
            var file = Path.GetFileName(provider.Source.Path ?? "");
            if (file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                && provider.TryGet($"{ModelOptions.Section}:{nameof(ModelOptions.ApiKey)}", out var value) && !string.IsNullOrEmpty(value))
            {
                throw new ConfigurationException($"Model:ApiKey must not be set in {file}: set the environment variable CHATBOT_Model__ApiKey or a user secret instead.");
            }
        }
    }
}
