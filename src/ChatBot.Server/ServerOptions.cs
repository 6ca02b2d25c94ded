using System.ComponentModel.DataAnnotations;

namespace ChatBot.Server;

/// <summary>appsettings section "Server": limits of the HTTP host itself.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Largest request body accepted on /api and /v3/directline; larger gets 413. Question limits live in the answering service.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a shutdown waits for answers already acknowledged to finish.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
