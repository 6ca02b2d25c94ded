namespace ChatBot.Core.Tests.Prompts;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string PromptSets => Path.Combine(RepositoryRoot, "tests", "ChatBot.Core.Tests", "TestData", "Prompts");

    public static string PromptSet(string name) => Path.Combine(PromptSets, name);

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
