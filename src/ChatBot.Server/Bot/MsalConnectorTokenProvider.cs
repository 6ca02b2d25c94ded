using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ChatBot.Server.Bot;

/// <summary>
/// Tokens from Microsoft Entra ID through MSAL (notes 2.1): client credentials against the tenant's authority
/// (botframework.com for a legacy multi-tenant bot), or a user-assigned managed identity. One MSAL application
/// per process, so its in-memory token cache is reused and refreshed before expiry.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    internal const string Resource = "https://api.botframework.com";
    private static readonly string[] Scopes = [Resource + "/.default"];

    private readonly Lazy<IConfidentialClientApplication> _confidential;
    private readonly Lazy<IManagedIdentityApplication> _managed;
    private readonly bool _useManagedIdentity;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _useManagedIdentity = string.Equals(o.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        var tenant = string.Equals(o.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId)
            ? "botframework.com"
            : o.MicrosoftAppTenantId.Trim();
        _confidential = new(() => ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority(new Uri(o.AuthorityHost, tenant).AbsoluteUri)
            .Build());
        _managed = new(() => ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(o.MicrosoftAppId)).Build());
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = _useManagedIdentity
            ? await _managed.Value.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(cancellationToken)
            : await _confidential.Value.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
