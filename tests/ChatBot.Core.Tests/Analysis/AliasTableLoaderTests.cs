using ChatBot.Core.Analysis;

namespace ChatBot.Core.Tests.Analysis;

public class AliasTableLoaderTests
{
    [Fact]
    public void Parse_EntryWithoutName_ThrowsNamingFileAndLine()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => AliasTableLoader.Parse("- name: Hezbollah\n  variants: [Hizbollah]\n- variants: [X]\n", "corpus/aliases.yaml"));
        Assert.StartsWith("corpus/aliases.yaml:3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VariantsNotAList_ThrowsNamingLine()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => AliasTableLoader.Parse("- name: Hezbollah\n  variants: Hizbollah\n", "a.yaml"));
        Assert.StartsWith("a.yaml:2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_ThrowsNamingLine()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => AliasTableLoader.Parse("- name: [unclosed\n", "a.yaml"));
        Assert.StartsWith("a.yaml:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VariantOfTwoEntries_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => AliasTableLoader.Parse("- name: A\n  variants: [Shared]\n- name: B\n  variants: [shared]\n", "a.yaml"));
        Assert.Contains("'A'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsEmptyTable()
    {
        Assert.Empty(AliasTableLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "aliases.yaml")).Entries);
    }

    [Fact]
    public void Load_RepositoryAliasesFile_LoadsItsEntries()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "corpus", "aliases.yaml")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var table = AliasTableLoader.Load(Path.Combine(dir.FullName, "corpus", "aliases.yaml"));
        Assert.NotNull(table.FindByToken("deirezzor"));
        Assert.Equal("Hezbollah", table.FindByToken("hezbollah")?.Name);
    }
}
