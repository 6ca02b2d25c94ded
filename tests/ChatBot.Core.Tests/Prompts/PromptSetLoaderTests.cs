using ChatBot.Core.Prompts;

namespace ChatBot.Core.Tests.Prompts;

public sealed class PromptSetLoaderTests
{
    private const string Header = "name: p\ntemplate_format: handlebars\n";

    [Fact]
    public void Load_DefaultSet_RendersPlainTextWithoutHtmlEscaping()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var text = set.Render("attribution", new Dictionary<string, object?>
        {
            ["outlet"] = "Al-Araby & \"Co\" <desk>",
            ["sentence"] = "IS fighters were <4 km> away.",
        });

        Assert.Equal("Al-Araby & \"Co\" <desk> reported that IS fighters were <4 km> away.", text.Trim());
    }

    [Fact]
    public void Load_DefaultSet_ReadsVariablesAndExecutionSettings()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var attribution = set.Templates["attribution"];
        Assert.Equal(["outlet", "source", "sentence"], attribution.InputVariables);
        Assert.True(attribution.Variables[0].IsRequired);
        Assert.Equal(0.2, set.Templates["disputes"].ExecutionSettings["temperature"]);
        Assert.Equal(400L, set.Templates["disputes"].ExecutionSettings["max_tokens"]);
    }

    [Fact]
    public void Render_EachBlockWithIndexAndNestedMembers_RendersItems()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var text = set.Render("disputes", new Dictionary<string, object?>
        {
            ["disputes"] = new[]
            {
                new { topic = "losses", positions = new[] { new { by = "IS", outlet = "EA WorldView", citation = 2 }, new { by = "Hezbollah", outlet = "EA WorldView", citation = 3 } } },
            },
        });

        Assert.Contains("0. losses: IS (EA WorldView) [2]; Hezbollah (EA WorldView) [3]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DictionaryLackingVariable_UsesDeclaredDefault()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        Assert.Equal("The reporting here does not say that.", set.Render("refusal", new Dictionary<string, object?>()));
    }

    [Fact]
    public void Render_DictionaryLackingRequiredVariable_ThrowsNamingFileAndVariable()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var ex = Assert.Throws<PromptException>(() => set.Render("attribution", new Dictionary<string, object?> { ["outlet"] = "UPI" }));

        Assert.Contains("attribution.yaml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sentence'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownTemplate_ThrowsNamingExpectedFile()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var ex = Assert.Throws<PromptException>(() => set.Render("answer", new Dictionary<string, object?>()));

        Assert.Contains("answer.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Variant_OverridesItsFilesAndFallsBackForTheRest()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"), TestPaths.PromptSet("variant"));

        Assert.Equal("None of the articles here answer that.", set.Render("refusal", new Dictionary<string, object?>()));
        Assert.StartsWith("UPI reported that", set.Render("attribution", new Dictionary<string, object?> { ["outlet"] = "UPI", ["sentence"] = "x" }), StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("variant", "refusal.yaml"), set.Templates["refusal"].SourcePath, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine("default", "disputes.yaml"), set.Templates["disputes"].SourcePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameFilesTwice_SameTwelveHexVersion()
    {
        var first = PromptSetLoader.Load(TestPaths.PromptSet("default"));
        var second = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        Assert.Equal(first.Version, second.Version);
        Assert.Matches("^[0-9a-f]{12}$", first.Version);
    }

    [Fact]
    public void Load_VariantOrEditedFile_ChangesVersion()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(TestPaths.PromptSet("default"));
        var original = PromptSetLoader.Load(folder.Path).Version;
        var variant = PromptSetLoader.Load(folder.Path, TestPaths.PromptSet("variant")).Version;
        folder.Write("refusal.yaml", File.ReadAllText(Path.Combine(folder.Path, "refusal.yaml")).Replace("does not say", "doesn't say", StringComparison.Ordinal));

        var edited = PromptSetLoader.Load(folder.Path).Version;

        Assert.NotEqual(original, variant);
        Assert.NotEqual(original, edited);
    }

    [Fact]
    public void Load_UndeclaredVariable_ReportsFileLineAndName()
    {
        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(TestPaths.PromptSet("default"), TestPaths.PromptSet("broken")));

        // template: | is on line 3, so its second line is line 5 of the file.
        Assert.Contains($"{Path.Combine("broken", "refusal.yaml")}:5:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'subject'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not declared in input_variables", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadYaml_ReportsFileAndLine()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "template: \"ok\"\ninput_variables: [\n  - name: x\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Matches(@"a\.yaml:\d+: invalid YAML", ex.Message);
    }

    [Fact]
    public void Load_MissingTemplate_ReportsIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "description: nothing\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:1: missing 'template'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateFormatNotHandlebars_ReportsLine()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", "name: p\ntemplate_format: semantic-kernel\ntemplate: hi\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:2: template_format 'semantic-kernel' is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedBlock_ReportsLineOfTheOpening()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "template: |\n  first line\n  {{#if x}}never closed\ninput_variables:\n  - name: x\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:5: {{#if}} is never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MismatchedClose_ReportsIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "template: \"{{#each xs}}{{this}}{{/if}}\"\ninput_variables:\n  - name: xs\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:3: {{/if}} closes {{#each}}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_ReportsItsLine()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "templat: typo\ntemplate: \"{{shout x}}\"\ninput_variables:\n  - name: x\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:3: unknown key 'templat'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownHelper_ReportsIt()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "template: \"{{shout x}}\"\ninput_variables:\n  - name: x\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:3: unknown helper 'shout'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HelpersThisIndexAndBlockMembers_AreAccepted()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + """
            template: |
              {{!-- a comment with {{undeclared}} inside --}}
              {{#each items as |item|}}{{@index}} {{this.name}} {{item.kind}} {{#with source}}{{name}}{{/with}}{{/each}}
              {{#if (eq mode "extractive")}}{{join tags ", "}}{{else}}{{lookup tags 0}}{{/if}} {{@root.mode}}
              {{#unless mode}}no mode{{^}}{{{mode}}}{{/unless}}
            input_variables:
              - name: items
              - name: mode
              - name: tags
            """);

        var set = PromptSetLoader.Load(folder.Path);

        var text = set.Render("a", new Dictionary<string, object?>
        {
            ["items"] = new[] { new { name = "IS", kind = "armed-group", source = new { name = "Amaq" } } },
            ["mode"] = "extractive",
            ["tags"] = new List<string> { "a", "b" },
        });
        Assert.Contains("0 IS armed-group Amaq", text, StringComparison.Ordinal);
        Assert.Contains("a, b", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsEveryOne()
    {
        using var folder = new TempFolder();
        folder.Write("a.yaml", Header + "template: \"{{x}}\"\n");
        folder.Write("b.yaml", "name: b\n");

        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(folder.Path));

        Assert.Contains("a.yaml:3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("b.yaml:1: missing 'template'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingIt()
    {
        var ex = Assert.Throws<PromptException>(() => PromptSetLoader.Load(TestPaths.PromptSet("default"), "no-such-prompts"));

        Assert.Contains("no-such-prompts: prompt folder not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyThreadsAtOnce_EachGetsItsOwnText()
    {
        var set = PromptSetLoader.Load(TestPaths.PromptSet("default"));

        var texts = Enumerable.Range(0, 200).AsParallel().Select(i =>
            set.Render("attribution", new Dictionary<string, object?> { ["outlet"] = $"O{i}", ["sentence"] = $"s{i}" }).Trim()).ToList();

        Assert.All(Enumerable.Range(0, 200), i => Assert.Contains($"O{i} reported that s{i}", texts));
    }
}
