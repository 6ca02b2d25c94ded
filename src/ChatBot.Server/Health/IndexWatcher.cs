using ChatBot.Core;
using ChatBot.Core.Configuration;
using ChatBot.Core.Indexing;
using ChatBot.Server.Logging;
using ChatBot.Server.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Health;

/// <summary>
/// Builds the index at start if it is missing or stale, then looks for corpus changes every
/// <see cref="CorpusOptions.WatchIntervalSeconds"/> (an update of an unchanged corpus is a cheap no-op), so an added,
/// edited or removed article shows in answers within seconds. /healthz answers 503 until the first build is ready.
/// </summary>
public sealed class IndexWatcher(
    IServiceProvider services,
    IndexHealth health,
    IOptions<CorpusOptions> corpus,
    ServerTelemetry telemetry,
    TimeProvider time,
    ILogger<IndexWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IPassageIndex>() is not { } index)
        {
            ServerLog.NoPassageIndex(logger);
            health.Failed(time.GetUtcNow(), "No passage index is registered.");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(corpus.Value.WatchIntervalSeconds), time);
        do
        {
            await UpdateOnceAsync(index, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task UpdateOnceAsync(IPassageIndex index, CancellationToken stoppingToken)
    {
        using var activity = telemetry.Source.StartActivity("index.update");
        try
        {
            var report = await index.UpdateAsync(null, stoppingToken);
            if (report.Changed)
            {
                telemetry.IndexUpdates.Add(1);
                health.Changed(time.GetUtcNow());
                ServerLog.IndexUpdated(logger, report.Added, report.Updated, report.Removed, report.Articles, report.Warnings.Count, report.Elapsed.TotalMilliseconds);
            }
            else
            {
                health.Checked(time.GetUtcNow());
            }
        }
        catch (ChatBotException ex)
        {
            // The previous build (if any) stays in use; the next tick tries again.
            health.Failed(time.GetUtcNow(), ex.Message);
            ServerLog.IndexUpdateFailed(logger, ex);
        }
        catch (IOException ex)
        {
            health.Failed(time.GetUtcNow(), ex.Message);
            ServerLog.IndexUpdateFailed(logger, ex);
        }
    }
}
