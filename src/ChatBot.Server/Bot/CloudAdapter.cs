using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>
/// Turns an HTTP request on <c>POST /api/messages</c> into a turn (shaped like the Agents SDK's CloudAdapter):
/// 413 for an oversized body, 400 for one that is not an activity, 401 when authentication fails (nothing is sent),
/// invokes answered in the response itself, everything else acknowledged with 200 at once and answered in the
/// background (channels give a bot about 15 seconds to acknowledge).
/// </summary>
public sealed class CloudAdapter
{
    private readonly BotRequestAuthenticator _authenticator;
    private readonly ConnectorClient _connector;
    private readonly BotReplyBacklog _queue;
    private readonly BotOptions _options;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(BotRequestAuthenticator authenticator, ConnectorClient connector, BotReplyBacklog queue, IOptions<BotOptions> options, ILogger<CloudAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _connector = connector;
        _queue = queue;
        _options = options.Value;
        _logger = logger;
    }

    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(agent);

        var body = await ReadBodyAsync(request, _options.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var auth = await _authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity, request.HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (!auth.Succeeded)
        {
            BotLog.Unauthorized(_logger, activity.ChannelId, auth.FailureReason);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (activity.Type == ActivityTypes.Invoke || string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal))
        {
            await RunInlineAsync(activity, auth, response, agent, cancellationToken);
            return;
        }

        var context = new TurnContext(activity, CreateSender(auth));
        if (!_queue.TryEnqueue(ct => RunTurnAsync(context, agent, ct)))
        {
            BotLog.QueueFull(_logger);
            response.Headers.RetryAfter = "5";
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task RunInlineAsync(Activity activity, BotAuthenticationResult auth, HttpResponse response, IAgent agent, CancellationToken cancellationToken)
    {
        var expectReplies = string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal);
        var context = new TurnContext(activity, expectReplies ? null : CreateSender(auth));
        await agent.OnTurnAsync(context, cancellationToken);

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = context.InvokeResponse ?? new InvokeResponse(StatusCodes.Status501NotImplemented);
            response.StatusCode = invoke.Status;
            if (invoke.Body is not null)
            {
                await response.WriteAsJsonAsync(invoke.Body, BotJson.Options, cancellationToken);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        var activities = new JsonArray(context.BufferedReplies.Select(a => JsonSerializer.SerializeToNode(a, BotJson.Options)).ToArray());
        await response.WriteAsJsonAsync(new JsonObject { ["activities"] = activities }, BotJson.Options, cancellationToken);
    }

    private async Task RunTurnAsync(TurnContext context, IAgent agent, CancellationToken cancellationToken)
    {
        try
        {
            await agent.OnTurnAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BotLog.TurnFailed(_logger, ex);
            await context.SendActivityAsync(context.Activity.CreateReply("Sorry, something went wrong on my side and I could not answer. Please try again in a moment."), cancellationToken);
        }
    }

    private Func<Activity, CancellationToken, Task<ResourceResponse>> CreateSender(BotAuthenticationResult auth) => async (activity, ct) =>
    {
        // Only the service URL this turn was authenticated for is ever called (SSRF), whatever the activity says.
        if (auth.TrustedServiceUrl is null)
        {
            BotLog.NoServiceUrl(_logger, activity.Type);
            return new ResourceResponse(string.Empty);
        }

        return await _connector.SendAsync(auth.TrustedServiceUrl, auth.Anonymous, activity with { ServiceUrl = auth.TrustedServiceUrl.OriginalString }, ct);
    };

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
