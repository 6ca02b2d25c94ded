using System.CommandLine;
using ChatBot.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatBot.Cli.Commands;

/// <summary>`chatbot index`: builds or updates the index incrementally, with a progress bar; prints counts and warnings.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var command = new Command("index", "Build or update the search index from the corpus (only what changed is re-read)");
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async () =>
        {
            await using var services = CliHost.Build(parse);
            var index = services.GetRequiredService<IPassageIndex>();
            var report = await UpdateAsync(index, cancellationToken);
            Print(report, index.Status);
            return CliHost.Done;
        }));
        return command;
    }

    private static async Task<IndexBuildReport> UpdateAsync(IPassageIndex index, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            return await index.UpdateAsync(progress: null, cancellationToken);
        }

        IndexBuildReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Indexing", maxValue: 1);
                var progress = new Progress<IndexProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                report = await index.UpdateAsync(progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    private static void Print(IndexBuildReport report, IndexStatus status)
    {
        var what = report.FullRebuild ? "rebuilt" : report.Changed ? "updated" : "already up to date";
        Console.WriteLine($"Index {what}: {report.Articles} articles, {report.Passages} passages ({status.Path})");
        Console.WriteLine($"  added {report.Added}, updated {report.Updated}, removed {report.Removed}, unchanged {report.Unchanged}; {report.BytesIngested / 1024.0 / 1024.0:F1} MB read in {report.Elapsed.TotalSeconds:F1} s");
        foreach (var warning in report.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
    }
}
