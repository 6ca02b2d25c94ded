using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens. A token is self-contained and signed (HMAC-SHA256 with a key made at start),
/// so nothing per token is stored: it names its conversation, its expiry and whether it opens the editors' view.
/// The page gets one from tokens/generate and never holds a secret.
/// </summary>
/// <remarks>Thread-safe. Tokens do not survive a restart (the key is new); Web Chat then starts a new conversation.</remarks>
public sealed class DirectLineTokenService : IDisposable
{
    private readonly HMACSHA256 _hmac = new(RandomNumberGenerator.GetBytes(32));
    private readonly Lock _gate = new();
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
    }

    public TimeSpan Lifetime => TimeSpan.FromMinutes(_options.TokenLifetimeMinutes);

    /// <summary>A fresh conversation id: random, URL-safe, unguessable.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    public (string Token, DirectLineToken Grant) Issue(string conversationId, bool isEditor)
    {
        var grant = new DirectLineToken(conversationId, _time.GetUtcNow() + Lifetime, isEditor);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{grant.Expires.ToUnixTimeSeconds()}|{(isEditor ? 1 : 0)}");
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return ($"{Base64Url.EncodeToString(payloadBytes)}.{Base64Url.EncodeToString(Sign(payloadBytes))}", grant);
    }

    /// <summary>The grant of a well-formed, correctly signed, unexpired token; otherwise null.</summary>
    public DirectLineToken? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return null;
        }

        byte[] payloadBytes, signature;
        try
        {
            payloadBytes = Base64Url.DecodeFromChars(payloadPart);
            signature = Base64Url.DecodeFromChars(signaturePart);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payloadBytes)))
        {
            return null;
        }

        if (Encoding.UTF8.GetString(payloadBytes).Split('|') is not [var conversationId, var expiresText, var editorText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresSeconds);
        return expires <= _time.GetUtcNow() ? null : new DirectLineToken(conversationId, expires, editorText == "1");
    }

    public void Dispose() => _hmac.Dispose();

    private byte[] Sign(byte[] payload)
    {
        lock (_gate)
        {
            return _hmac.ComputeHash(payload);
        }
    }
}
