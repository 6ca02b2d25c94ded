using System.Diagnostics;
using System.Globalization;
using ChatBot.Core;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// The peers' harness (shared/peers/run.sh) run for Lucene alone, one index build and one query run, so a bench round
/// can pair Lucene's figures with ours measured minutes apart on the same machine. This machine varies 30-50 % from
/// run to run, so only ratios of such pairs are compared (issue 7).
/// </summary>
public sealed class LuceneHarness(string script, string peersResults, TextWriter log)
{
    /// <summary>Runs the harness for <paramref name="articles"/> and reads what it measured.</summary>
    public async Task<LuceneFigures> RunAsync(int articles, CancellationToken cancellationToken)
    {
        if (!File.Exists(script))
        {
            throw new ConfigurationException($"--lucene {script}: no such file (the peers harness is shared/peers/run.sh)");
        }

        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, articles.ToString(CultureInfo.InvariantCulture), "lucene" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // One build and one query pass per round: the rounds themselves give the repetitions. EXTRAS=0 leaves out the
        // harness's variant configurations, which this comparison does not use.
        start.Environment["IREPS"] = "1";
        start.Environment["REPS"] = "1";
        start.Environment["EXTRAS"] = "0";
        start.Environment["PEERS_DATA"] = Path.GetDirectoryName(Path.GetFullPath(peersResults));
        log.WriteLine($"{articles:N0}: Lucene (peers harness, one build and one query run)");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start bash {script}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C stops the harness and the JVM under it too, not only the wait.
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
            throw new ConfigurationException($"--lucene {script} {articles} lucene: exited with {process.ExitCode}: {tail}");
        }

        await output;
        return LuceneFigures.TryRead(peersResults, articles)
            ?? throw new ConfigurationException($"--lucene {script}: ran, but {peersResults}/{articles}/report.json has no Lucene figures");
    }
}
