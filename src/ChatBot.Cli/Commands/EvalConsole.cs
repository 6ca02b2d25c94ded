using ChatBot.Core;
using ChatBot.Core.Evaluation;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli.Commands;

/// <summary>What eval and prompts compare print: a progress bar while running, the cases table and the summary.</summary>
internal static class EvalConsole
{
    /// <summary>Runs <paramref name="work"/> under a progress bar when the console is interactive and not redirected.</summary>
    public static async Task<T> WithProgressAsync<T>(IAnsiConsole console, string label, int total,
        Func<IProgress<SuiteProgress>?, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            return await work(null);
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: total);
                return await work(new SynchronousProgress(p =>
                {
                    task.Value = p.Completed;
                    task.Description = $"{label} ({p.Last.Case.Id})";
                }));
            });
    }

    public static void WriteCases(IAnsiConsole console, EvalRun run)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(run.Suite.Name)}[/]");
        table.AddColumns("Case", "Result", "Latency", "Failures");
        foreach (var c in run.Cases)
        {
            table.AddRow(
                Markup.Escape(c.Case.Id),
                c.Passed ? "[green]pass[/]" : "[red]FAIL[/]",
                $"{c.LatencyMs:0} ms",
                Markup.Escape(string.Join(Environment.NewLine, c.Failures)));
        }

        console.Write(table);
    }

    public static void WriteSummary(IAnsiConsole console, EvalRun run)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/]");
        table.AddColumns("Metric", "Value", "Threshold");
        foreach (var metric in EvalSummary.MetricNames)
        {
            var threshold = run.Thresholds.FirstOrDefault(t => t.Metric == metric);
            var limit = threshold is null ? string.Empty
                : threshold.Held ? $"[green]held[/] {Markup.Escape(threshold.Describe())}" : $"[red]FAILED[/] {Markup.Escape(threshold.Describe())}";
            table.AddRow(metric, EvalFormat.Metric(metric, run.Summary.Get(metric)), limit);
        }

        console.Write(table);
        console.MarkupLine($"Answer modes: {Markup.Escape(string.Join(", ", run.Summary.Modes.Select(m => $"{m.Key} {m.Value}")))}. Prompt version {Markup.Escape(run.PromptVersion)}.");
        var failedCases = run.Cases.Count(c => !c.Passed);
        var failedThresholds = run.Thresholds.Count(t => !t.Held);
        console.MarkupLine(run.Succeeded
            ? $"[green]All {run.Cases.Count} cases passed{(run.Thresholds.Count > 0 ? " and every threshold held" : string.Empty)}.[/]"
            : $"[red]{failedCases} of {run.Cases.Count} cases failed; {failedThresholds} threshold(s) failed.[/]");
    }

    public static void WriteComparison(IAnsiConsole console, EvalComparison comparison, string beforeLabel, string afterLabel)
    {
        foreach (var change in comparison.Cases)
        {
            var colour = change.PassedAfter == true ? "green" : change.PassedAfter == false ? "red" : "grey";
            console.MarkupLine($"[{colour}]{Markup.Escape(change.Describe())}[/]");
        }

        if (comparison.Cases.Count == 0)
        {
            console.MarkupLine("No case changed outcome.");
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Metric", Markup.Escape(beforeLabel), Markup.Escape(afterLabel), "Change");
        foreach (var m in comparison.Metrics)
        {
            var colour = m.Change > 0 ? "green" : m.Change < 0 ? "red" : "default";
            table.AddRow(m.Metric, EvalFormat.Metric(m.Metric, m.Before), EvalFormat.Metric(m.Metric, m.After), $"[{colour}]{Markup.Escape(EvalFormat.Delta(m))}[/]");
        }

        console.Write(table);
    }

    /// <summary>Writes an output file, creating its folder; the path written is printed.</summary>
    public static async Task WriteFileAsync(IAnsiConsole console, string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ChatBotException($"{full}: cannot write: {ex.Message}", ex);
        }

        console.MarkupLine($"Wrote [link]{Markup.Escape(full)}[/]");
    }

    /// <summary>
    /// The one place eval and prompts compare turn failures into exit code 2, with a message that says which and where.
    /// </summary>
    public static async Task<int> GuardAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (SuiteFormatException ex)
        {
            console.MarkupLine("[red]Bad suite:[/]");
            foreach (var error in ex.Errors)
            {
                console.WriteLine("  " + error);
            }

            return 2;
        }
        catch (PromptException ex)
        {
            console.MarkupLine("[red]Bad prompt set:[/]");
            console.WriteLine(ex.Message);
            return 2;
        }
        catch (ChatBotException ex)
        {
            console.MarkupLine($"[red]Error:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            console.MarkupLine($"[red]Configuration error:[/] {Markup.Escape(ex.Message)}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return 2;
        }
#pragma warning disable CA1031 // A system error of any kind must end in exit code 2 with a message, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.MarkupLine($"[red]System error:[/] {Markup.Escape(ex.GetType().Name)}: {Markup.Escape(ex.Message)}");
            return 2;
        }
    }

    /// <summary>Reports progress on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<SuiteProgress> report) : IProgress<SuiteProgress>
    {
        public void Report(SuiteProgress value) => report(value);
    }
}
