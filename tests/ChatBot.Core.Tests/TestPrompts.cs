using ChatBot.Core.Prompts;

namespace ChatBot.Core.Tests;

/// <summary>The repository's default prompt set (prompts/), loaded by the real loader, for tests of the stages that render it.</summary>
internal static class TestPrompts
{
    private static readonly Lazy<PromptSet> Set = new(() => PromptSetLoader.Load(RepositoryPaths.Prompts));

    public static PromptSet Default => Set.Value;
}
