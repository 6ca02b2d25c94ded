using System.ComponentModel.DataAnnotations;

namespace ChatBot.Server.Bot;

/// <summary>
/// appsettings section "Bot": the Azure Bot registration and the limits of <c>POST /api/messages</c>. With no
/// <see cref="MicrosoftAppId"/> the endpoint runs in local mode: unauthenticated activities from loopback only.
/// </summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Azure Bot's Microsoft App ID (a GUID); empty = local mode (Emulator, Agents Playground on this machine).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The Entra tenant of the app registration (required for SingleTenant and UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>SingleTenant (the default: multi-tenant bot creation ended in July 2025), MultiTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>The client secret. Only from the environment (CHATBOT_Bot__MicrosoftAppPassword) or user secrets; never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Where the Bot Connector publishes its signing keys (OpenID metadata).</summary>
    [Required]
    public Uri ChannelOpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Where Entra publishes the keys of Emulator and Agents Playground tokens.</summary>
    [Required]
    public Uri EmulatorOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>Entra authority host for outbound tokens; the tenant is appended.</summary>
    [Required]
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Larger request bodies get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Acknowledged turns waiting for a worker; past this the endpoint answers 503.</summary>
    [Range(1, 100_000)]
    public int ReplyQueueCapacity { get; set; } = 256;

    /// <summary>Turns answered at once.</summary>
    [Range(1, 64)]
    public int ReplyConcurrency { get; set; } = 4;

    /// <summary>Replies remembered (per instance) so a later thumbs up or down can be stored with its answer.</summary>
    [Range(1, 1_000_000)]
    public int RememberedReplies { get; set; } = 2000;

    /// <summary>
    /// While an answer streams into a Teams 1:1 chat, at least this long between two sends of the stream (Teams asks
    /// for no more than one a second); sentences written meanwhile go into the next chunk.
    /// </summary>
    [Range(1000, 10_000)]
    public int TeamsStreamIntervalMilliseconds { get; set; } = 1000;

    internal bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
