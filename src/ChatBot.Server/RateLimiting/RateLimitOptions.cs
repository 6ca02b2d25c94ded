using System.ComponentModel.DataAnnotations;

namespace ChatBot.Server.RateLimiting;

/// <summary>appsettings section "RateLimits": requests per client address per window; past them, 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>POST /api/ask.</summary>
    [Range(1, 100_000)]
    public int AskPerWindow { get; set; } = 30;

    /// <summary>POST /v3/directline/conversations.</summary>
    [Range(1, 100_000)]
    public int ConversationStartsPerWindow { get; set; } = 20;

    /// <summary>POST /v3/directline/tokens/generate and tokens/refresh.</summary>
    [Range(1, 100_000)]
    public int TokensPerWindow { get; set; } = 30;
}
