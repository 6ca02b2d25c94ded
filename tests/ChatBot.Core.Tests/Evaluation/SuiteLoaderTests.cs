using ChatBot.Core.Attribution;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Tests.Prompts;

namespace ChatBot.Core.Tests.Evaluation;

public sealed class SuiteLoaderTests
{
    private const string Valid = """
        name: smoke
        thresholds: { passRate: 0.95, citationPrecision: 0.9, p95Ms: 2000 }
        cases:
          - id: palmyra-distance
            question: How close did IS get to Palmyra?
            turns: [ "What did IS seize near Palmyra?" ]
            expect:
              cites: [newarab-divided-fronts]
              outlets: ["New Arab"]
              mentions: ["four kilometres|4 km"]
              disputed: false
              disputeKinds: [conflict, Denied]
              refused: false
          - id: weather
            question: Weather in Damascus?
            expect: { refused: true }
        """;

    [Fact]
    public void Parse_ValidSuite_ReadsEveryField()
    {
        var suite = SuiteLoader.Parse("s.yaml", Valid);

        Assert.Equal("smoke", suite.Name);
        Assert.Equal(0.9, suite.Thresholds["citationPrecision"]);
        Assert.Equal(2000, suite.Thresholds["p95Ms"]);
        var first = suite.Cases[0];
        Assert.Equal(["What did IS seize near Palmyra?"], first.Turns);
        Assert.Equal(["newarab-divided-fronts"], first.Expect.Cites);
        Assert.Matches(first.Expect.Mentions[0], "within 4 KM of the city");
        Assert.Equal([DisputeKind.Conflict, DisputeKind.Denied], first.Expect.DisputeKinds);
        Assert.False(first.Expect.Disputed);
        Assert.Equal(4, first.Line);
        Assert.True(suite.Cases[1].Expect.Refused);
        Assert.Null(suite.Cases[1].Expect.Disputed);
    }

    [Theory]
    [InlineData("    colour: red\n", "s.yaml:5: unknown case key 'colour'")]
    [InlineData("    expect: { mention: [x] }\n", "s.yaml:5: unknown expectation key 'mention'")]
    [InlineData("    expect: { mentions: [\"four (kilometres\"] }\n", "s.yaml:5: bad regex in 'mentions': /four (kilometres/")]
    [InlineData("    expect: { disputed: maybe }\n", "s.yaml:5: 'disputed' must be true or false")]
    [InlineData("    expect: { cites: newarab-divided-fronts }\n", "s.yaml:5: 'cites' must be a list")]
    [InlineData("    expect: { disputeKinds: [argued] }\n", "s.yaml:5: unknown dispute kind 'argued'")]
    [InlineData("    turns: { a: b }\n", "s.yaml:5: 'turns' must be a list")]
    public void Parse_BadCase_ReportsFileLineAndReason(string line, string expected)
    {
        var text = "name: s\ncases:\n  - id: a\n    question: q?\n" + line;

        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", text));

        Assert.Contains(ex.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingQuestion_ReportsCaseLine()
    {
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", "cases:\n  - id: a\n    expect: { refused: true }\n"));

        Assert.Equal(["s.yaml:2: case 'a' has no 'question'"], ex.Errors);
    }

    [Fact]
    public void Parse_DuplicateId_ReportsBothLines()
    {
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", "cases:\n  - id: a\n    question: q\n  - id: a\n    question: r\n"));

        Assert.Equal(["s.yaml:4: duplicate case id 'a' (first used on line 2)"], ex.Errors);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeyAndThreshold_ReportsBoth()
    {
        var text = "name: s\nthreshold: {}\nthresholds: { passrate: 0.9, citationRecall: 1.5 }\ncases:\n  - id: a\n    question: q\n";

        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", text));

        Assert.Equal(3, ex.Errors.Count);
        Assert.StartsWith("s.yaml:2: unknown suite key 'threshold'", ex.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("s.yaml:3: unknown threshold key 'passrate'", ex.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("s.yaml:3: threshold 'citationRecall' is a share and must lie between 0 and 1", ex.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllBeforeAnythingRuns()
    {
        var text = "cases:\n  - id: a\n    question: q\n    expect: { mentions: [\"(\"] }\n  - question: r\n  - id: a\n    question: s\n";

        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", text));

        Assert.Collection(ex.Errors,
            e => Assert.StartsWith("s.yaml:4: bad regex", e, StringComparison.Ordinal),
            e => Assert.Equal("s.yaml:5: a case has no 'id'", e),
            e => Assert.Equal("s.yaml:6: duplicate case id 'a' (first used on line 2)", e));
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLine()
    {
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", "cases:\n  - id: a\n    question: [unclosed\n"));

        Assert.Matches(@"^s\.yaml:\d+: invalid YAML", ex.Errors[0]);
    }

    [Fact]
    public void Parse_NoCases_Reported()
    {
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Parse("s.yaml", "name: s\n"));

        Assert.Equal(["s.yaml:1: missing 'cases'"], ex.Errors);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<SuiteFormatException>(() => SuiteLoader.Load("no/such/suite.yaml"));

        Assert.Contains("suite.yaml: suite file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeedSuite_IsValidWithFortyCasesAndThresholds()
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepositoryRoot, "suites", "seed.yaml"));

        Assert.True(suite.Cases.Count >= 40);
        Assert.Contains("passRate", suite.Thresholds.Keys);
        Assert.Contains("citationPrecision", suite.Thresholds.Keys);
        Assert.Contains(suite.Cases, c => c.Turns.Count > 0);
        Assert.Contains(suite.Cases, c => c.Expect.Refused is true);
        foreach (var kind in Enum.GetValues<DisputeKind>())
        {
            Assert.Contains(suite.Cases, c => c.Expect.DisputeKinds.Contains(kind));
        }
    }
}
