namespace ChatBot.Server.Bot;

/// <summary>
/// Whether an inbound activity may be processed, and the one service URL replies to it may go to (vouched for by its
/// token, or a loopback URL in local mode); null when there is nowhere to reply.
/// </summary>
public sealed record BotAuthenticationResult
{
    public required bool Succeeded { get; init; }

    /// <summary>Why it failed, for the log; says nothing about secrets or the token's contents beyond its kind.</summary>
    public string? FailureReason { get; init; }

    public Uri? TrustedServiceUrl { get; init; }

    /// <summary>Local mode: no token; outbound calls carry none either.</summary>
    public bool Anonymous { get; init; }

    public static BotAuthenticationResult Fail(string reason) => new() { Succeeded = false, FailureReason = reason };
}
