using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Server.Bot;

/// <summary>
/// Decides whether an inbound activity may be processed (bot-protocol notes 1.2-1.4, 1.7): a Bot Connector token
/// (issuer api.botframework.com, keys from its OpenID metadata, audience = our app id, lifetime with 5 minutes' skew,
/// the signing key endorsed for the activity's channel, the serviceurl claim equal to the activity's serviceUrl), or
/// an Entra token from the Emulator or the Agents Playground (a known or our own tenant's issuer, appid/azp and
/// audience = our app id; it vouches for no service URL, so only loopback ones are accepted). With no app id
/// configured: no token, from loopback, replying to loopback only.
/// </summary>
/// <remarks>Thread-safe; one instance per application keeps one metadata cache per URL.</remarks>
public sealed class BotRequestAuthenticator
{
    internal const string ChannelIssuer = "https://api.botframework.com";
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // Tenants whose Entra tokens the Bot Framework SDKs accept from the Emulator (notes 1.3, 1.6).
    private static readonly string[] EmulatorTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions _options;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _channelMetadata;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _emulatorMetadata;

    public BotRequestAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _channelMetadata = CreateMetadataManager(_options.ChannelOpenIdMetadataUrl, httpClientFactory);
        _emulatorMetadata = CreateMetadataManager(_options.EmulatorOpenIdMetadataUrl, httpClientFactory);
    }

    public async Task<BotAuthenticationResult> AuthenticateAsync(string? authorization, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Uri? serviceUrl = null;
        if (activity.ServiceUrl is { Length: > 0 } rawServiceUrl
            && (!Uri.TryCreate(rawServiceUrl, UriKind.Absolute, out serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)))
        {
            return BotAuthenticationResult.Fail("the activity's serviceUrl is not an http(s) URL");
        }

        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticateAnonymous(serviceUrl, remoteAddress);
        }

        if (_options.IsLocalMode)
        {
            return BotAuthenticationResult.Fail("a token was sent but no Bot:MicrosoftAppId is configured to validate it against");
        }

        var parts = authorization.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return BotAuthenticationResult.Fail("the Authorization header is not 'Bearer <token>'");
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Fail("the bearer token is not a JWT");
        }

        if (string.Equals(unverified.Issuer, ChannelIssuer, StringComparison.Ordinal))
        {
            return await AuthenticateChannelAsync(parts[1], activity, serviceUrl, cancellationToken);
        }

        var entraIssuers = EntraIssuers();
        if (entraIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            return await AuthenticateEmulatorAsync(parts[1], entraIssuers, serviceUrl, cancellationToken);
        }

        return BotAuthenticationResult.Fail("the token's issuer is neither the Bot Framework nor a known Entra tenant");
    }

    private BotAuthenticationResult AuthenticateAnonymous(Uri? serviceUrl, IPAddress? remoteAddress)
    {
        if (!_options.IsLocalMode)
        {
            return BotAuthenticationResult.Fail("no Authorization header");
        }

        if (remoteAddress is null || !IPAddress.IsLoopback(remoteAddress))
        {
            return BotAuthenticationResult.Fail("local mode (no Bot:MicrosoftAppId) accepts unauthenticated activities from loopback only");
        }

        if (serviceUrl is not null && !serviceUrl.IsLoopback)
        {
            return BotAuthenticationResult.Fail("local mode (no Bot:MicrosoftAppId) replies to loopback service URLs only");
        }

        return new BotAuthenticationResult { Succeeded = true, Anonymous = true, TrustedServiceUrl = serviceUrl };
    }

    private async Task<BotAuthenticationResult> AuthenticateChannelAsync(string token, Activity activity, Uri? serviceUrl, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = ChannelIssuer,
            ValidAudience = _options.MicrosoftAppId,
        };
        var (result, configuration) = await ValidateAsync(token, parameters, _channelMetadata, cancellationToken);
        if (!result.IsValid)
        {
            return BotAuthenticationResult.Fail($"the Bot Connector token is not valid ({result.Exception?.GetType().Name ?? "unknown reason"})");
        }

        // The key that signed the token must be endorsed for the channel the activity claims to come from.
        var kid = result.SecurityToken?.SigningKey?.KeyId ?? (result.SecurityToken as JsonWebToken)?.Kid;
        var endorsements = Endorsements(configuration, kid);
        if (endorsements.Count == 0)
        {
            return BotAuthenticationResult.Fail("the signing key carries no endorsements");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && !endorsements.Contains(activity.ChannelId))
        {
            return BotAuthenticationResult.Fail("the signing key is not endorsed for the activity's channel");
        }

        var claim = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (serviceUrl is not null && (claim is null || !string.Equals(claim.TrimEnd('/'), activity.ServiceUrl!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return BotAuthenticationResult.Fail(claim is null ? "the token has no serviceurl claim" : "the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return new BotAuthenticationResult { Succeeded = true, TrustedServiceUrl = serviceUrl };
    }

    private async Task<BotAuthenticationResult> AuthenticateEmulatorAsync(string token, IReadOnlyList<string> issuers, Uri? serviceUrl, CancellationToken cancellationToken)
    {
        var appId = _options.MicrosoftAppId!;
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = [appId, $"api://{appId}"],
        };
        var (result, _) = await ValidateAsync(token, parameters, _emulatorMetadata, cancellationToken);
        if (!result.IsValid)
        {
            return BotAuthenticationResult.Fail($"the Entra (Emulator) token is not valid ({result.Exception?.GetType().Name ?? "unknown reason"})");
        }

        // The caller must be the bot's own app registration: appid in v1 tokens, azp in v2 tokens (notes 1.3).
        var version = result.ClaimsIdentity.FindFirst("ver")?.Value;
        var caller = version switch
        {
            null or "1.0" => result.ClaimsIdentity.FindFirst("appid")?.Value,
            "2.0" => result.ClaimsIdentity.FindFirst("azp")?.Value,
            _ => null,
        };
        if (!string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Fail("the Entra token was not issued to this bot's app id");
        }

        if (serviceUrl is not null && !serviceUrl.IsLoopback)
        {
            return BotAuthenticationResult.Fail("an Entra (Emulator) token vouches for no service URL; only loopback service URLs are accepted with it");
        }

        return new BotAuthenticationResult { Succeeded = true, TrustedServiceUrl = serviceUrl };
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        string token, TokenValidationParameters parameters, ConfigurationManager<OpenIdConnectConfiguration> metadata, CancellationToken cancellationToken)
    {
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ClockSkew = ClockSkew;
        parameters.ValidAlgorithms = AllowedAlgorithms;

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return (new TokenValidationResult { IsValid = false, Exception = ex }, new OpenIdConnectConfiguration());
        }

        parameters.IssuerSigningKeys = configuration.SigningKeys;
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: fetch the metadata again once before giving up (notes 1.7, point 5).
            metadata.RequestRefresh();
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            result = await _handler.ValidateTokenAsync(token, parameters);
        }

        return (result, configuration);
    }

    private static HashSet<string> Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return set;
        }

        if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    set.Add(item.GetString()!);
                }
            }
        }
        else if (value is IEnumerable<object> items)
        {
            foreach (var item in items)
            {
                if (item?.ToString() is { } s)
                {
                    set.Add(s);
                }
            }
        }

        return set;
    }

    private List<string> EntraIssuers()
    {
        var tenants = new List<string>(EmulatorTenants);
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            tenants.Add(_options.MicrosoftAppTenantId.Trim());
        }

        return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToList();
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateMetadataManager(Uri url, IHttpClientFactory httpClientFactory)
    {
        // Plain http is allowed only for metadata on this machine (tests publish their own keys on loopback).
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(BotFrameworkServiceCollectionExtensions.MetadataHttpClient))
        {
            RequireHttps = !url.IsLoopback,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
    }
}
