using Microsoft.Extensions.Configuration;

namespace ChatBot.Core.Configuration;

/// <summary>
/// Every path the bot reads or writes, resolved against the folder holding appsettings.json. Everything the bot
/// writes (index, feedback, logs) sits under <see cref="DataDirectory"/>, which one setting moves.
/// </summary>
public sealed class ChatBotPaths
{
    /// <summary>Configuration key holding the folder of appsettings.json (set by <see cref="ChatBotConfiguration"/>).</summary>
    public const string RootKey = "ContentRoot";

    public ChatBotPaths(string root, string dataDirectory, string corpusDirectory, string promptsDirectory, string? indexPath)
    {
        Root = Path.GetFullPath(root);
        DataDirectory = Resolve(dataDirectory);
        CorpusDirectory = Resolve(corpusDirectory);
        PromptsDirectory = Resolve(promptsDirectory);
        IndexPath = string.IsNullOrWhiteSpace(indexPath)
            ? Path.Combine(DataDirectory, "index", "chatbot.db")
            : Resolve(indexPath);
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string CorpusDirectory { get; }

    public string PromptsDirectory { get; }

    public string IndexPath { get; }

    public string FeedbackDirectory => Path.Combine(DataDirectory, "feedback");

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public static ChatBotPaths FromConfiguration(IConfiguration configuration)
    {
        var root = configuration[RootKey] ?? Directory.GetCurrentDirectory();
        return new ChatBotPaths(
            root,
            configuration["DataDirectory"] is { Length: > 0 } data ? data : "data",
            configuration[$"{CorpusOptions.Section}:{nameof(CorpusOptions.Directory)}"] is { Length: > 0 } corpus ? corpus : "corpus",
            configuration[$"{PromptOptions.Section}:{nameof(PromptOptions.Directory)}"] is { Length: > 0 } prompts ? prompts : "prompts",
            configuration[$"{IndexOptions.Section}:{nameof(IndexOptions.Path)}"]);
    }

    private string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(Root, path));
}
