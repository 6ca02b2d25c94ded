namespace ChatBot.Core.Tests.Corpus;

/// <summary>Paths of the repository's seed corpus and golden files, and throw-away corpus folders for tests.</summary>
internal static class TestCorpus
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SeedDirectory => Path.Combine(RepositoryRoot, "corpus");

    public static string GoldenDirectory => Path.Combine(RepositoryRoot, "tests", "ChatBot.Core.Tests", "TestData", "Corpus");

    /// <summary>Set CHATBOT_UPDATE_GOLDEN=1 to rewrite golden files instead of comparing with them.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("CHATBOT_UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary corpus folder, deleted on dispose.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "chatbot-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind harms nothing.
        }
    }
}
