using System.CommandLine;

namespace ChatBot.Cli;

/// <summary>The options every command takes (design.md): where the corpus, the index and the configuration are.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Corpus = new("--corpus")
    {
        Description = "The corpus folder (default: Corpus:Directory in appsettings.json)",
        Recursive = true,
    };

    public static readonly Option<string?> Index = new("--index")
    {
        Description = "The SQLite index file (default: Index:Path, or DATA-DIRECTORY/index/chatbot.db)",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "An appsettings.json to use instead of the repository's",
        Recursive = true,
    };
}
