using ChatBot.Server.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatBot.Server.Telemetry;

/// <summary>
/// Starts the OpenTelemetry SDK's tracer and meter providers when <see cref="TelemetryOptions.OtlpEndpoint"/> is set,
/// exporting the "ChatBot" source and meter plus ASP.NET Core's own, and flushes them at shutdown.
/// (OpenTelemetry.Extensions.Hosting is not available here, so the providers are owned by this hosted service.)
/// </summary>
public sealed class OpenTelemetryExportService(IOptions<TelemetryOptions> options, ILogger<OpenTelemetryExportService> logger) : IHostedService, IDisposable
{
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = options.Value.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return Task.CompletedTask;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new ChatBot.Core.ConfigurationException($"Telemetry:OtlpEndpoint is not an absolute URL: '{endpoint}'.");
        }

        var protocol = string.Equals(options.Value.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        void Configure(OtlpExporterOptions o)
        {
            o.Endpoint = uri;
            o.Protocol = protocol;
        }

        var resource = ResourceBuilder.CreateDefault().AddService("chatbot-server");
        _tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ServerTelemetry.Name, "Microsoft.AspNetCore")
            .AddOtlpExporter(Configure)
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(ServerTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddOtlpExporter(Configure)
            .Build();
        var authority = uri.GetLeftPart(UriPartial.Authority);
        ServerLog.TelemetryExporting(logger, authority);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracer?.ForceFlush(2000);
        _meter?.ForceFlush(2000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
