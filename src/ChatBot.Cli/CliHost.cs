using System.CommandLine;
using ChatBot.Core;
using ChatBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Cli;

/// <summary>Builds the engine's services for one command from the common options, and maps failures to exit codes in one place.</summary>
internal static class CliHost
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadInputOrSystemError = 2;

    /// <summary>The configuration and services for a parsed command line.</summary>
    public static ServiceProvider Build(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(CommonOptions.Corpus) is { } corpus)
        {
            overrides[$"{CorpusOptions.Section}:{nameof(CorpusOptions.Directory)}"] = Path.GetFullPath(corpus);
        }

        if (parse.GetValue(CommonOptions.Index) is { } index)
        {
            overrides[$"{IndexOptions.Section}:{nameof(IndexOptions.Path)}"] = Path.GetFullPath(index);
        }

        var configuration = ChatBotConfiguration.Build(parse.GetValue(CommonOptions.Config), overrides);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddChatBotCore(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        ValidateOptions(provider);
        return provider;
    }

    /// <summary>Runs a command body; a <see cref="ChatBotException"/> or a bad setting becomes a message and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("chatbot: cancelled");
            return BadInputOrSystemError;
        }
        catch (ChatBotException ex)
        {
            await Console.Error.WriteLineAsync($"chatbot: {ex.Message}");
            return BadInputOrSystemError;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"chatbot: configuration: {string.Join("; ", ex.Failures)}");
            return BadInputOrSystemError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"chatbot: system error: {ex.Message}");
            return BadInputOrSystemError;
        }
    }

    /// <summary>Options are validated at start-up, so a wrong setting fails on the first run with its path.</summary>
    private static void ValidateOptions(IServiceProvider provider)
    {
        foreach (var validator in provider.GetServices<IStartupValidator>())
        {
            validator.Validate();
        }
    }
}
