using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Server.Tests.Bot;

/// <summary>
/// What the Bot Framework is to the bot, on 127.0.0.1 with a random port: OpenID metadata and signing keys for the
/// Bot Connector (keys endorsed for some channels) and for Entra (the Emulator path), published from an RSA key this
/// class generates, and a fake Connector that records every activity the bot posts.
/// </summary>
public sealed class BotFrameworkLoopback : IAsyncLifetime, IDisposable
{
    public const string AppId = "2f1c7d1e-6a55-4b3a-9f0e-7a0c5f3d2b11";
    public const string TenantId = "8a4e5b9c-1d2f-4e3a-b6c7-d8e9f0a1b2c3";
    public const string KeyId = "loopback-key-1";
    public const string ChannelIssuer = "https://api.botframework.com";
    public static readonly string EntraIssuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    private static readonly string[] Endorsed = ["msteams", "emulator", "webchat", "directline"];

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);
    private readonly ConcurrentQueue<PostedActivity> _posted = new();
    private readonly SemaphoreSlim _postedSignal = new(0);
    private WebApplication? _app;
    private int _replyCounter;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ChannelMetadataUrl => new(BaseUrl, "channel/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(BaseUrl, "entra/.well-known/openid-configuration");

    /// <summary>The service URL replies go to (the fake Connector), with a trailing slash as Teams sends it.</summary>
    public string ServiceUrl => new Uri(BaseUrl, "connector/").AbsoluteUri;

    public SecurityKey SigningKey => new RsaSecurityKey(_rsa) { KeyId = KeyId };

    /// <summary>Another key claiming the same kid: a forged signature.</summary>
    public SecurityKey ForgedKey => new RsaSecurityKey(_otherRsa) { KeyId = KeyId };

    public IReadOnlyCollection<PostedActivity> Posted => _posted.ToArray();

    /// <summary>When set and it returns a result for a posted activity, the fake Connector answers with that instead (still recording it).</summary>
    public Func<JsonObject, IResult?>? Refuse { get; set; }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/channel/.well-known/openidconfiguration", () => Metadata(ChannelIssuer, "channel/keys"));
        _app.MapGet("/channel/keys", () => Keys(endorsements: true));
        _app.MapGet("/entra/.well-known/openid-configuration", () => Metadata(EntraIssuer, "entra/keys"));
        _app.MapGet("/entra/keys", () => Keys(endorsements: false));
        _app.MapPost("/connector/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpRequest request, string conversationId, string? activityId) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var id = $"reply-{Interlocked.Increment(ref _replyCounter)}";
            var refusal = Refuse?.Invoke(body!);
            _posted.Enqueue(new PostedActivity(conversationId, activityId, request.Headers.Authorization.ToString(), body!, id));
            _postedSignal.Release();
            return refusal ?? Results.Json(new { id }, statusCode: 201);
        });
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _otherRsa.Dispose();
        _postedSignal.Dispose();
    }

    public void Clear()
    {
        Refuse = null;
        while (_posted.TryDequeue(out _))
        {
        }

        while (_postedSignal.CurrentCount > 0)
        {
            _postedSignal.Wait(0);
        }
    }

    /// <summary>Waits until the fake Connector has received <paramref name="count"/> activities in all.</summary>
    public async Task<IReadOnlyList<PostedActivity>> WaitForPostedAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_posted.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _postedSignal.WaitAsync(left))
            {
                throw new TimeoutException($"The fake Connector received {_posted.Count} activities, expected {count}.");
            }
        }

        return _posted.ToArray();
    }

    /// <summary>A Bot Connector token as Teams would send it.</summary>
    public string ChannelToken(
        string? serviceUrl = null,
        string audience = AppId,
        string issuer = ChannelIssuer,
        DateTime? expires = null,
        SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        return CreateToken(issuer, audience, claims, expires, key);
    }

    /// <summary>An Entra v2 token as the Emulator or an authenticated Agents Playground sends it.</summary>
    public string EntraToken(string azp = AppId)
    {
        var claims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = TenantId };
        return CreateToken(EntraIssuer, AppId, claims, null, null);
    }

    private string CreateToken(string issuer, string audience, Dictionary<string, object> claims, DateTime? expires, SecurityKey? key)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private IResult Metadata(string issuer, string keysPath) => Results.Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(BaseUrl, keysPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private IResult Keys(bool endorsements)
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements)
        {
            key["endorsements"] = new JsonArray(Endorsed.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
        }

        return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
    }
}

/// <summary>An activity the bot posted to the fake Connector.</summary>
public sealed record PostedActivity(string ConversationId, string? ReplyToId, string Authorization, JsonObject Body, string AssignedId);
