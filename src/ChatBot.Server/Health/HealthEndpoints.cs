using ChatBot.Core.Answering;
using ChatBot.Core.Configuration;
using ChatBot.Core.Indexing;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Health;

/// <summary><c>GET /healthz</c>: 503 while the index is being built, then 200 with what it holds.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (IServiceProvider services, IndexHealth health, IOptions<AnsweringOptions> answering) =>
        {
            var report = Build(services.GetService<IPassageIndex>()?.Status, health.Current, answering.Value, services.GetService<IComposerCircuit>());
            return Results.Json(report, statusCode: report.Status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        })
        .DisableRateLimiting()
        .WithName("Health");
        return app;
    }

    private static HealthReport Build(IndexStatus? index, IndexHealth.Snapshot health, AnsweringOptions answering, IComposerCircuit? circuit)
    {
        var status = index is { IsReady: true } ? "ready" : index is null || (health.LastError is not null && !index.IsBuilding) ? "unavailable" : "building";
        return new HealthReport
        {
            Status = status,
            BuiltAt = index?.BuiltAt,
            ArticleCount = index?.ArticleCount ?? 0,
            PassageCount = index?.PassageCount ?? 0,
            Newest = index?.Newest,
            Updating = index?.IsBuilding ?? false,
            Composer = answering.Composer.ToLowerInvariant(),
            Circuit = circuit?.State ?? "none",
            LastCorpusCheck = health.LastCheck,
            Error = status == "ready" ? null : health.LastError,
        };
    }
}
