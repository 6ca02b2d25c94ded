using ChatBot.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Prompts;

/// <summary>Registers the prompt sets.</summary>
public static class PromptServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPromptSetProvider"/> as a <see cref="FilePromptSetProvider"/> over
    /// <see cref="ChatBotPaths.PromptsDirectory"/> (a singleton; needs <see cref="ChatBotPaths"/> registered).
    /// </summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new FilePromptSetProvider(
            sp.GetRequiredService<ChatBotPaths>(), sp.GetRequiredService<ILogger<FilePromptSetProvider>>()));
        services.TryAddSingleton<IPromptSetProvider>(sp => sp.GetRequiredService<FilePromptSetProvider>());
        return services;
    }
}
