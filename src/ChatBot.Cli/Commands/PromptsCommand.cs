using System.CommandLine;
using ChatBot.Core.Answering;
using ChatBot.Core.Evaluation;
using ChatBot.Core.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatBot.Cli.Commands;

/// <summary>
/// <c>chatbot prompts compare DIR_A DIR_B --suite SUITE.yaml [--report FILE.md]</c>: answers a suite under two prompt
/// sets (each a folder over the default set) and shows what changed. Exit codes: 0 both runs completed (a comparison
/// is not a gate), 2 a bad suite or prompt file (file, line, reason), bad configuration or a system error.
/// </summary>
public static class PromptsCommand
{
    /// <param name="services">As for <see cref="EvalCommand.Create"/>: must provide <see cref="IAnsweringService"/>
    /// and <see cref="IPromptSetProvider"/>.</param>
    /// <param name="commonOptions">--corpus, --index, --config; added to the compare command unless recursive.</param>
    /// <param name="console">Where output goes; the terminal by default.</param>
    public static Command Create(Func<ParseResult, IServiceProvider> services, IEnumerable<Option>? commonOptions = null,
        IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var dirA = new Argument<string>("DIR_A") { Description = "The first prompt set folder (often prompts/)" };
        var dirB = new Argument<string>("DIR_B") { Description = "The second prompt set folder (a variant)" };
        var suite = new Option<string>("--suite") { Description = "The question suite to answer under both sets", Required = true };
        var report = new Option<string?>("--report") { Description = "Write the side-by-side Markdown report to FILE.md" };

        var compare = new Command("compare", "Answer a suite under two prompt sets and show the differences") { dirA, dirB, suite, report };
        foreach (var option in commonOptions ?? [])
        {
            if (!option.Recursive)
            {
                compare.Options.Add(option);
            }
        }

        compare.SetAction((parse, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            return EvalConsole.GuardAsync(output, async () =>
            {
                var questions = SuiteLoader.Load(parse.GetValue(suite)!);
                var provider = services(parse);
                var prompts = provider.GetRequiredService<IPromptSetProvider>();
                var a = prompts.Load(parse.GetValue(dirA)!);
                var b = prompts.Load(parse.GetValue(dirB)!);
                var runner = new SuiteRunner(provider.GetRequiredService<IAnsweringService>());

                var runA = await EvalConsole.WithProgressAsync(output, "Prompt set A", questions.Cases.Count,
                    progress => runner.RunAsync(questions, a, progress, cancellationToken));
                var runB = await EvalConsole.WithProgressAsync(output, "Prompt set B", questions.Cases.Count,
                    progress => runner.RunAsync(questions, b, progress, cancellationToken));
                var comparison = new PromptComparison { LabelA = a.Directory, LabelB = b.Directory, A = runA, B = runB };

                output.MarkupLine($"A: {Markup.Escape(a.Directory)} (version {a.Version}); B: {Markup.Escape(b.Directory)} (version {b.Version})");
                output.MarkupLine($"{comparison.ChangedAnswers} of {questions.Cases.Count} answers differ.");
                EvalConsole.WriteComparison(output, EvalComparison.Compare(EvalSnapshot.From(runA), EvalSnapshot.From(runB)), "A", "B");
                if (parse.GetValue(report) is { } reportPath)
                {
                    await EvalConsole.WriteFileAsync(output, reportPath, comparison.ToMarkdown(), cancellationToken);
                }
                else
                {
                    output.MarkupLine("Add [bold]--report FILE.md[/] for both answers to every question with a word-level diff.");
                }

                return 0;
            });
        });

        var command = new Command("prompts", "Work with prompt sets") { compare };
        return command;
    }
}
