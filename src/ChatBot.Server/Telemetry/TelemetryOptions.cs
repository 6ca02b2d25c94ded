namespace ChatBot.Server.Telemetry;

/// <summary>appsettings section "Telemetry": traces and metrics are exported over OTLP only when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (with <see cref="OtlpProtocol"/> "http/protobuf"); empty = no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"grpc" (default) or "http/protobuf".</summary>
    public string OtlpProtocol { get; set; } = "grpc";
}
