using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ChatBot.Server.Bot;

/// <summary>
/// Posts activities to a channel's Bot Connector (notes 2.2): a reply to
/// <c>v3/conversations/{id}/activities/{replyToId}</c>, otherwise to the conversation. It calls only the service URL
/// the turn was authenticated for, and refuses plain http anywhere but loopback.
/// </summary>
public sealed class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly IConnectorTokenProvider _tokens;

    public ConnectorClient(HttpClient http, IConnectorTokenProvider tokens)
    {
        _http = http;
        _tokens = tokens;
    }

    /// <exception cref="ConnectorRequestException">The Connector answered with an error status.</exception>
    public async Task<ResourceResponse> SendAsync(Uri serviceUrl, bool anonymous, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(activity);
        if (serviceUrl.Scheme != Uri.UriSchemeHttps && !serviceUrl.IsLoopback)
        {
            throw new InvalidOperationException("Refusing to send an activity to a non-https service URL.");
        }

        if (anonymous && !serviceUrl.IsLoopback)
        {
            throw new InvalidOperationException("Local mode replies to loopback service URLs only.");
        }

        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation to be sent to.");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path))
        {
            Content = JsonContent.Create(activity with { Id = null }, options: BotJson.Options),
        };
        if (!anonymous)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorRequestException(response.StatusCode, await ReadErrorCodeAsync(response, cancellationToken));
        }

        if (response.Content.Headers.ContentLength is 0)
        {
            return new ResourceResponse(string.Empty);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ResourceResponse(string.Empty);
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(body, BotJson.Options) ?? new ResourceResponse(string.Empty);
        }
        catch (System.Text.Json.JsonException)
        {
            // Teams is known to answer with bodies that are not a ResourceResponse; the send itself succeeded.
            return new ResourceResponse(string.Empty);
        }
    }

    /// <summary>The <c>error.code</c> of an ErrorResponse body, or null.</summary>
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
