using System.Text.Json;
using System.Xml.Linq;
using ChatBot.Core;

namespace ChatBot.Cli.Tests.Commands;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Eval_AllCasesPassAndThresholdsHold_Exit0AndWritesEveryOutput()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--json", cli.PathOf("out/r.json"), "--junit", cli.PathOf("out/r.xml"), "--report", cli.PathOf("out/r.md"));

        Assert.Equal(0, exit);
        Assert.Contains("All 2 cases passed and every threshold held.", cli.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out/r.json")));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("passed").GetInt32());
        Assert.Equal(2, XDocument.Load(cli.PathOf("out/r.xml")).Descendants("testcase").Count(t => (string?)t.Attribute("classname") == "cli"));
        Assert.Contains("**2 of 2 cases passed**", File.ReadAllText(cli.PathOf("out/r.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_CaseFails_Exit1AndTheFailureIsPrinted()
    {
        using var cli = new CliFixture { RefusesWeather = false };

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("refused: expected a refusal, got an answer with 1 citation(s)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("passRate 0.5 is below the minimum 1", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_CasesPassButThresholdMissed_Exit1()
    {
        using var cli = new CliFixture();
        cli.Write("suite.yaml", "name: t\nthresholds: { citationRecall: 1, refusalAccuracy: 1 }\ncases:\n  - id: distance\n    question: How close did IS get to Palmyra?\n");

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("citationRecall 1 >= 1", cli.Output, StringComparison.Ordinal);
        Assert.Contains("refusalAccuracy: no case measures it", cli.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 cases failed; 1 threshold(s) failed.", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BadSuite_Exit2WithFileAndLineBeforeAnythingRuns()
    {
        using var cli = new CliFixture();
        var suite = cli.Write("bad.yaml", "cases:\n  - id: a\n    question: q\n    expect: { mentions: ['(unclosed'] }\n  - id: a\n");

        var exit = await cli.RunAsync("eval", suite);

        Assert.Equal(2, exit);
        Assert.Contains($"{suite}:4: bad regex in 'mentions'", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"{suite}:5: duplicate case id 'a'", cli.Output, StringComparison.Ordinal);
        Assert.Equal(0, cli.ServicesBuilt);
        Assert.Empty(cli.Service.Requests);
    }

    [Fact]
    public async Task Eval_MissingSuiteFile_Exit2NamingIt()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("eval", cli.PathOf("nope.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml: suite file not found", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BrokenPromptSet_Exit2WithFileAndLine()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--prompts", cli.PathOf("broken"));

        Assert.Equal(2, exit);
        Assert.Contains("refusal.yaml:3: {{#if}} is never closed", cli.Output, StringComparison.Ordinal);
        Assert.Empty(cli.Service.Requests);
    }

    [Fact]
    public async Task Eval_PromptsOption_AnswersUnderTheVariant()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--json", cli.PathOf("r.json"), "--prompts", cli.PathOf("variant"));

        Assert.Equal(0, exit);
        Assert.All(cli.Service.Requests, r => Assert.EndsWith("variant", r.Prompts!.Directory, StringComparison.Ordinal));
        Assert.Contains("None of the articles answer", File.ReadAllText(cli.PathOf("r.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_ConfigurationError_Exit2WithTheMessage()
    {
        using var cli = new CliFixture { ServicesFailure = new ConfigurationException("appsettings.json: Answering:Composer must be 'extractive' or 'generative'.") };

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"));

        Assert.Equal(2, exit);
        Assert.Contains("Answering:Composer must be", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_CompareWithPreviousRun_PrintsWhatGotBetter()
    {
        using var cli = new CliFixture { RefusesWeather = false };
        Assert.Equal(1, await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--json", cli.PathOf("old.json")));
        cli.RefusesWeather = true;

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--compare", cli.PathOf("old.json"), "--report", cli.PathOf("new.md"));

        Assert.Equal(0, exit);
        Assert.Contains("weather: fixed (failed before, passes now)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("+50.0 pts (better)", File.ReadAllText(cli.PathOf("new.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_CompareFileMissing_Exit2BeforeAnythingRuns()
    {
        using var cli = new CliFixture();

        var exit = await cli.RunAsync("eval", cli.PathOf("suite.yaml"), "--compare", cli.PathOf("old.json"));

        Assert.Equal(2, exit);
        Assert.Contains("old.json: previous results file not found (--compare)", cli.Output, StringComparison.Ordinal);
        Assert.Empty(cli.Service.Requests);
    }
}
