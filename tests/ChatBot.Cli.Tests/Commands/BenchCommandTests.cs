using System.CommandLine;
using ChatBot.Cli.Commands;

namespace ChatBot.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Theory]
    [InlineData("index,claims,retrieval,ask,server")]
    [InlineData(" Index , SERVER ")]
    [InlineData("claims,,ask")]
    public void Parse_SkipKnownSteps_NoErrors(string steps)
    {
        var parse = BenchCommand.Create().Parse(["--skip", steps]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void Parse_SkipAnUnknownStep_ErrorNamesThatStepAndTheKnownOnes()
    {
        var parse = BenchCommand.Create().Parse(["--skip", "index,retreival"]);

        var error = Assert.Single(parse.Errors);
        Assert.Contains("'retreival'", error.Message, StringComparison.Ordinal);
        Assert.Contains("index, claims, retrieval, ask, server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_SkipAnUnknownStep_ExitsOneBeforeRunningAnything()
    {
        using var output = new StringWriter();
        var work = Path.Combine(Path.GetTempPath(), $"bench-cli-{Guid.NewGuid():N}");

        var exit = BenchCommand.Create(output: output)
            .Parse(["--skip", "servers", "--work", work])
            .Invoke(new InvocationConfiguration { Output = output, Error = output });

        Assert.Equal(1, exit);
        Assert.Contains("'servers'", output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(work));
    }
}
