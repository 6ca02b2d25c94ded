using System.CommandLine;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatBot.Cli.Commands;

/// <summary>
/// <c>chatbot eval SUITE.yaml [--json FILE] [--junit FILE] [--report FILE.md] [--compare OLD.json] [--prompts DIR]</c>:
/// runs a question suite through the answering service. Exit codes: 0 every case passed and every threshold held,
/// 1 cases or thresholds failed, 2 bad suite, prompts or configuration, or a system error.
/// </summary>
public static class EvalCommand
{
    /// <param name="services">
    /// Builds the host's services for this invocation (reading --corpus, --index and --config from the parse
    /// result); must provide <see cref="IAnsweringService"/>, and <see cref="IPromptSetProvider"/> for --prompts.
    /// Called only after the suite has been read and validated. The caller owns the provider.
    /// </param>
    /// <param name="commonOptions">Options every command takes (--corpus, --index, --config); added to this command
    /// unless they are recursive options of the root already.</param>
    /// <param name="console">Where output goes (tests pass a recording console); the terminal by default.</param>
    public static Command Create(Func<ParseResult, IServiceProvider> services, IEnumerable<Option>? commonOptions = null,
        IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var suite = new Argument<string>("suite") { Description = "The question suite (YAML; see suites/seed.yaml)" };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON (design.md shape) to FILE" };
        var junit = new Option<string?>("--junit") { Description = "Write JUnit XML (one testcase per case) to FILE" };
        var report = new Option<string?>("--report") { Description = "Write a readable Markdown report to FILE.md" };
        var compare = new Option<string?>("--compare") { Description = "Compare with an earlier run's --json FILE: what got better or worse" };
        var prompts = new Option<string?>("--prompts") { Description = "Answer under this prompt set folder (files it lacks fall back to prompts/)" };

        var command = new Command("eval", "Run a question suite and check its expectations and thresholds") { suite, json, junit, report, compare, prompts };
        foreach (var option in commonOptions ?? [])
        {
            if (!option.Recursive)
            {
                command.Options.Add(option);
            }
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            return EvalConsole.GuardAsync(output, async () =>
            {
                // Everything the user gave is checked before a single question is asked.
                var questions = SuiteLoader.Load(parse.GetValue(suite)!);
                var previous = parse.GetValue(compare) is { } comparePath ? EvalSnapshot.Load(comparePath) : null;
                var provider = services(parse);
                var answering = provider.GetRequiredService<IAnsweringService>();
                var promptSet = parse.GetValue(prompts) is { } dir
                    ? provider.GetRequiredService<IPromptSetProvider>().Load(dir)
                    : null;

                var runner = new SuiteRunner(answering);
                var run = await EvalConsole.WithProgressAsync(output, $"Running {questions.Name}", questions.Cases.Count,
                    progress => runner.RunAsync(questions, promptSet, progress, cancellationToken));

                EvalConsole.WriteCases(output, run);
                EvalConsole.WriteSummary(output, run);
                var comparison = previous is null ? null : EvalComparison.Compare(previous, EvalSnapshot.From(run));
                if (comparison is not null)
                {
                    EvalConsole.WriteComparison(output, comparison, "previous", "this run");
                }

                if (parse.GetValue(json) is { } jsonPath)
                {
                    await EvalConsole.WriteFileAsync(output, jsonPath, EvalJsonWriter.Write(run), cancellationToken);
                }

                if (parse.GetValue(junit) is { } junitPath)
                {
                    await EvalConsole.WriteFileAsync(output, junitPath, JUnitReportWriter.Write(run), cancellationToken);
                }

                if (parse.GetValue(report) is { } reportPath)
                {
                    await EvalConsole.WriteFileAsync(output, reportPath, MarkdownReportWriter.Write(run, comparison), cancellationToken);
                }

                return run.Succeeded ? 0 : 1;
            });
        });
        return command;
    }
}
