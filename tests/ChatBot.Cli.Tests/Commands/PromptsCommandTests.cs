namespace ChatBot.Cli.Tests.Commands;

public sealed class PromptsCommandTests
{
    [Fact]
    public async Task Compare_TwoSets_Exit0AndReportHasBothAnswersWithDiff()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("prompts", "compare", cli.PathOf("prompts"), cli.PathOf("variant"), "--suite", cli.PathOf("suite.yaml"), "--report", cli.PathOf("cmp.md"));

        Assert.Equal(0, exit);
        Assert.Contains("1 of 2 answers differ.", cli.Output, StringComparison.Ordinal);
        var report = File.ReadAllText(cli.PathOf("cmp.md"));
        Assert.Contains("~~The reporting here does not say~~ **None of the articles answer** what the weather is.", report, StringComparison.Ordinal);
        Assert.Contains("| passRate | 100.0% | 100.0% |", report, StringComparison.Ordinal);
        Assert.Equal(4, cli.Service.Requests.Count);
    }

    [Fact]
    public async Task Compare_BrokenPromptFile_Exit2WithFileLineAndReason()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("prompts", "compare", cli.PathOf("prompts"), cli.PathOf("broken"), "--suite", cli.PathOf("suite.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains($"{cli.PathOf(Path.Combine("broken", "refusal.yaml"))}:3: {{{{#if}}}} is never closed", cli.Output, StringComparison.Ordinal);
        Assert.Empty(cli.Service.Requests);
    }

    [Fact]
    public async Task Compare_WithoutSuite_IsAParseError()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("prompts", "compare", cli.PathOf("prompts"), cli.PathOf("variant"));

        Assert.NotEqual(0, exit);
        Assert.Empty(cli.Service.Requests);
    }
}
