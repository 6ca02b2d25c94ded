using Microsoft.Extensions.Configuration;

namespace ChatBot.Core.Configuration;

/// <summary>
/// Finds and reads the configuration: appsettings.json at the repository root (found from any working directory),
/// then environment variables prefixed CHATBOT_ (with "__" between section and key), then explicit overrides.
/// </summary>
public static class ChatBotConfiguration
{
    public const string FileName = "appsettings.json";
    public const string EnvironmentPrefix = "CHATBOT_";

    /// <summary>The user-secrets id of the server and the CLI (their project files carry the same).</summary>
    public const string UserSecretsId = "chatbot-7c1d2f4e-0b6a-4a59-9a0e-5d3e2f1a8c11";

    /// <summary>Settings that are secrets: they come only from environment variables or user secrets, never a settings file.</summary>
    public static readonly IReadOnlyList<string> SecretKeys = ["Model:ApiKey", "Bot:MicrosoftAppPassword", "Editor:Key"];

    /// <summary>Builds the configuration.</summary>
    /// <param name="configFile">An explicit appsettings file (--config); otherwise the nearest one is found.</param>
    /// <param name="overrides">Settings that win over everything (command-line options such as --corpus).</param>
    /// <exception cref="ConfigurationException">The file given does not exist or is not valid JSON.</exception>
    public static IConfigurationRoot Build(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var file = configFile is null ? Locate() : Path.GetFullPath(configFile);
        if (configFile is not null && !File.Exists(file))
        {
            throw new ConfigurationException($"{file}: configuration file not found (--config)");
        }

        var root = file is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(file)!;
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ChatBotPaths.RootKey] = root });
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        // Secrets for a developer's machine (dotnet user-secrets, shared by the server and the CLI), then the environment.
        builder.AddUserSecrets(UserSecretsId, reloadOnChange: false);
        builder.AddEnvironmentVariables(EnvironmentPrefix);
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides);
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"{file}: {ex.Message}", ex);
        }

        RefuseSecretsInFiles(configuration, file);
        return configuration;
    }

    /// <summary>A secret written in a settings file is refused at start-up, naming the setting but never its value.</summary>
    private static void RefuseSecretsInFiles(IConfigurationRoot configuration, string? file)
    {
        var settingsFiles = configuration.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>()
            .Where(p => !string.Equals(Path.GetFileName(p.Source.Path), "secrets.json", StringComparison.OrdinalIgnoreCase));
        foreach (var provider in settingsFiles)
        {
            foreach (var key in SecretKeys)
            {
                if (provider.TryGet(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    throw new ConfigurationException(
                        $"{file}: {key} is a secret and must not be in a settings file; set the environment variable " +
                        $"{EnvironmentPrefix}{key.Replace(":", "__", StringComparison.Ordinal)} or use user secrets");
                }
            }
        }
    }

    /// <summary>
    /// The nearest appsettings.json: walking up from the working directory, then from the application's own folder
    /// (so `dotnet run` from anywhere finds the repository's file). Null when there is none.
    /// </summary>
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FileName);
                // A build output folder may hold a copy; the repository root is the one beside corpus/ or ChatBot.sln.
                if (File.Exists(candidate) && (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")) || System.IO.Directory.Exists(Path.Combine(dir.FullName, "corpus"))))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
