using ChatBot.Core.Prompts;

namespace ChatBot.Core.Tests.Prompts;

public sealed class FilePromptSetProviderTests
{
    private static readonly Dictionary<string, object?> NoTopic = [];

    [Fact]
    public void Current_FileEdited_NextAccessUsesTheEdit()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(TestPaths.PromptSet("default"));
        var provider = new FilePromptSetProvider(folder.Path);
        var before = provider.Current;

        Rewrite(folder, "refusal.yaml", "template: \"Nothing here says {{topic}}.\"");

        Assert.Equal("Nothing here says that.", provider.Current.Render("refusal", NoTopic));
        Assert.NotEqual(before.Version, provider.Current.Version);
    }

    [Fact]
    public void Current_UpperCaseExtensionEdited_NextAccessUsesTheEdit()
    {
        // The loader reads "Refusal.YAML" as a prompt, so an edit to it must be noticed like any other.
        using var folder = new TempFolder();
        folder.CopyFrom(TestPaths.PromptSet("default"));
        File.Move(Path.Combine(folder.Path, "refusal.yaml"), Path.Combine(folder.Path, "refusal.YAML"));
        var provider = new FilePromptSetProvider(folder.Path);
        _ = provider.Current;

        Rewrite(folder, "refusal.YAML", "template: \"Nothing here says {{topic}}.\"");

        Assert.Equal("Nothing here says that.", provider.Current.Render("refusal", NoTopic));
    }

    [Fact]
    public void Current_InvalidEdit_KeepsLastGoodSetAndReportsFileAndLine()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(TestPaths.PromptSet("default"));
        var provider = new FilePromptSetProvider(folder.Path);
        var good = provider.Current;

        Rewrite(folder, "refusal.yaml", "template: \"Nothing here says {{subject}}.\"");

        Assert.Same(good, provider.Current);
        Assert.Equal("The reporting here does not say that.", provider.Current.Render("refusal", NoTopic));
        Assert.NotNull(provider.LastError);
        Assert.Contains("refusal.yaml:3:", provider.LastError!.Message, StringComparison.Ordinal);

        Rewrite(folder, "refusal.yaml", "template: \"Fixed: {{topic}}.\"");

        Assert.Equal("Fixed: that.", provider.Current.Render("refusal", NoTopic));
        Assert.Null(provider.LastError);
    }

    [Fact]
    public void Current_FileRemoved_TemplateIsGone()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(TestPaths.PromptSet("default"));
        var provider = new FilePromptSetProvider(folder.Path);
        Assert.True(provider.Current.Templates.ContainsKey("disputes"));

        File.Delete(Path.Combine(folder.Path, "disputes.yaml"));

        Assert.False(provider.Current.Templates.ContainsKey("disputes"));
    }

    [Fact]
    public void Current_FirstLoadInvalid_Throws()
    {
        var provider = new FilePromptSetProvider(TestPaths.PromptSet("broken"));

        Assert.Throws<PromptException>(() => provider.Current);
    }

    [Fact]
    public void Load_VariantFolder_FallsBackToTheProvidersDefault()
    {
        var provider = new FilePromptSetProvider(TestPaths.PromptSet("default"));

        var variant = provider.Load(TestPaths.PromptSet("variant"));

        Assert.Equal("None of the articles here answer that.", variant.Render("refusal", NoTopic));
        Assert.True(variant.Templates.ContainsKey("attribution"));
        Assert.NotEqual(provider.Current.Version, variant.Version);
    }

    private static void Rewrite(TempFolder folder, string name, string templateLine)
    {
        var path = folder.Write(name, $"name: refusal\ntemplate_format: handlebars\n{templateLine}\ninput_variables:\n  - name: topic\n    default: that\n");
        // Make sure the change is visible even on file systems with coarse timestamps.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(2, 1000)));
    }
}
