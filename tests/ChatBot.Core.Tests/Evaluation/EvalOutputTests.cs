using System.Text.Json;
using System.Xml.Linq;
using ChatBot.Core.Answering;
using ChatBot.Core.Corpus;
using ChatBot.Core.Evaluation;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class EvalOutputTests
{
    private static async Task<EvalRun> RunAsync(Func<AnswerRequest, Answer>? respond = null) =>
        await new SuiteRunner(new FakeAnsweringService(respond ?? SuiteRunnerTests.Respond)).RunAsync(SuiteRunnerTests.Suite, null, null, CancellationToken.None);

    [Fact]
    public async Task JsonWriter_Run_HasTheDesignShape()
    {
        var run = await RunAsync(_ => Answers.Distance() with
        {
            Citations = [Answers.Cite(1, Answers.DistanceQuote, source: "Syrian Observatory for Human Rights") with { SourceKind = SourceKind.ArmedGroupMedia }],
            Disputes = [Answers.Unverified()],
        });

        using var json = JsonDocument.Parse(EvalJsonWriter.Write(run));
        var root = json.RootElement;

        Assert.Equal("runner", root.GetProperty("suite").GetString());
        Assert.Equal("0123456789ab", root.GetProperty("promptVersion").GetString());
        var first = root.GetProperty("cases")[0];
        Assert.Equal("distance", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("passed").GetBoolean());
        Assert.Equal(0, first.GetProperty("failures").GetArrayLength());
        Assert.True(first.GetProperty("latencyMs").GetDouble() >= 0);
        var answer = first.GetProperty("answer");
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.StartsWith("The New Arab reported", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal("2016-12-09", citation.GetProperty("published").GetString());
        Assert.Equal("armed-group-media", citation.GetProperty("sourceKind").GetString());
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("url").ValueKind);
        Assert.Equal("unverified", answer.GetProperty("disputes")[0].GetProperty("kind").GetString());
        var second = root.GetProperty("cases")[1];
        Assert.Equal("refused: expected a refusal, got an answer with 1 citation(s)", second.GetProperty("failures")[0].GetString());

        var summary = root.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("cases").GetInt32());
        Assert.Equal(1, summary.GetProperty("passed").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        foreach (var name in new[] { "citationPrecision", "citationRecall", "disputeRecall", "disputePrecision", "refusalAccuracy", "p50Ms", "p95Ms" })
        {
            Assert.True(summary.TryGetProperty(name, out _), name);
        }

        Assert.Equal(JsonValueKind.Null, summary.GetProperty("disputeRecall").ValueKind);
        Assert.Equal(0, summary.GetProperty("refusalAccuracy").GetDouble());
        Assert.Equal(2, summary.GetProperty("modes").GetProperty("extractive").GetInt32());
    }

    [Fact]
    public async Task JsonWriter_ReadBackAsSnapshot_KeepsCasesAndMetrics()
    {
        var run = await RunAsync();

        var snapshot = EvalSnapshot.Parse(EvalJsonWriter.Write(run));

        Assert.Equal([KeyValuePair.Create("distance", true), KeyValuePair.Create("weather", false)], snapshot.Cases);
        Assert.Equal(0.5, snapshot.Metrics["passRate"]);
        Assert.Null(snapshot.Metrics["disputeRecall"]);
    }

    [Fact]
    public async Task JUnitWriter_Run_OneTestcasePerCaseWithSpelledOutFailures()
    {
        var run = await RunAsync();

        var xml = XDocument.Parse(JUnitReportWriter.Write(run));

        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal("testsuites", xml.Root.Name.LocalName);
        var cases = suites[0].Elements("testcase").ToList();
        Assert.Equal(["distance", "weather"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal("1", (string)suites[0].Attribute("failures")!);
        Assert.Null(cases[0].Element("failure"));
        var failure = cases[1].Element("failure")!;
        Assert.Equal("refused: expected a refusal, got an answer with 1 citation(s)", (string)failure.Attribute("message")!);
        Assert.Contains("Question: Weather in Damascus?", failure.Value, StringComparison.Ordinal);
        Assert.Equal("passRate", (string)suites[1].Element("testcase")!.Attribute("name")!);
    }

    [Fact]
    public async Task MarkdownReport_Run_ShowsQuestionAnswerQuotesAndFailures()
    {
        var run = await RunAsync();

        var report = MarkdownReportWriter.Write(run);

        Assert.Contains("**1 of 2 cases passed**", report, StringComparison.Ordinal);
        Assert.Contains("| passRate | 50.0% | held: passRate 0.5 >= 0.5 |", report, StringComparison.Ordinal);
        Assert.Contains("**Question:** Weather in Damascus?", report, StringComparison.Ordinal);
        Assert.Contains("> The New Arab reported that the IS advance", report, StringComparison.Ordinal);
        Assert.Contains("1. The New Arab, 2016-12-09 (newarab-divided-fronts): \"The IS advance brought", report, StringComparison.Ordinal);
        Assert.Contains("- refused: expected a refusal, got an answer with 1 citation(s)", report, StringComparison.Ordinal);
        Assert.Contains("Earlier turn: What did IS seize near Palmyra?", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkdownReport_UnsupportedCitation_IsExplained()
    {
        var run = await RunAsync(_ => Answers.Make("IS killed 300 civilians in Damascus [1].", [Answers.Cite(1, Answers.DistanceQuote)]));

        var report = MarkdownReportWriter.Write(run);

        Assert.Contains("- [1] does not support \"IS killed 300 civilians in Damascus.\": number 300 is not in the quote", report, StringComparison.Ordinal);
    }
}
