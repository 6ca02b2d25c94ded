using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using ChatBot.Server.Logging;
using ChatBot.Server.Problems;
using ChatBot.Server.RateLimiting;
using ChatBot.Server.Widget;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// The local Direct Line 3.0 subset Web Chat needs: tokens/generate and tokens/refresh (so the page holds a
/// short-lived token, never a secret), start a conversation, get it (a reconnect: a fresh streamUrl), post an
/// activity (echoed with a server id and its clientActivityID, then answered in the background), and receive
/// activities either over the WebSocket stream at the conversation's streamUrl (<see cref="DirectLineStreams"/>) or by
/// getting them after a watermark (HTTP polling, the fallback). 401 without a token, 403 for a bad or expired one,
/// 404 for an unknown conversation.
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    /// <summary>The header the page sends the editor key in, to tokens/generate only.</summary>
    public const string EditorKeyHeader = "X-ChatBot-Editor-Key";

    private static readonly string[] StarterQuestions =
    [
        "How close did IS get to Palmyra?",
        "What happened in Aleppo in December 2016?",
    ];

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapPost("/tokens/generate", Generate).RequireRateLimiting(RateLimitPolicies.Tokens);
        group.MapPost("/tokens/refresh", Refresh).RequireRateLimiting(RateLimitPolicies.Tokens);
        group.MapPost("/conversations", StartAsync).RequireRateLimiting(RateLimitPolicies.ConversationStart);
        group.MapGet("/conversations/{conversationId}", GetConversationAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        return app;
    }

    private static IResult Generate(HttpContext context, DirectLineTokenService tokens, IOptions<EditorOptions> editor, ILoggerFactory loggers)
    {
        var isEditor = false;
        if (context.Request.Headers.TryGetValue(EditorKeyHeader, out var key) && !string.IsNullOrEmpty(key))
        {
            if (!IsEditorKey(editor.Value, key.ToString()))
            {
                ServerLog.EditorKeyRejected(loggers.CreateLogger(typeof(DirectLineEndpoints)));
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The editor key was not accepted.",
                    detail: editor.Value.Enabled ? "Check the key and try again." : "The editors' view is not enabled on this server (Editor:Enabled).");
            }

            isEditor = true;
        }

        var (token, grant) = tokens.Issue(DirectLineTokenService.NewConversationId(), isEditor);
        return Results.Ok(new TokenResponse(grant.ConversationId, token, (int)tokens.Lifetime.TotalSeconds));
    }

    private static IResult Refresh(HttpContext context, DirectLineTokenService tokens)
    {
        if (Authorize(context, tokens, conversationId: null, out var grant) is { } problem)
        {
            return problem;
        }

        var (token, fresh) = tokens.Issue(grant.ConversationId, grant.IsEditor);
        return Results.Ok(new TokenResponse(fresh.ConversationId, token, (int)tokens.Lifetime.TotalSeconds));
    }

    private static async Task<IResult> StartAsync(HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore conversations, ILoggerFactory loggers)
    {
        if (Authorize(context, tokens, conversationId: null, out var grant) is { } problem)
        {
            return problem;
        }

        var created = await conversations.CreateAsync(grant.ConversationId, context.RequestAborted);
        var body = new ConversationResponse(grant.ConversationId, BearerOf(context)!, (int)(grant.Expires - DateTimeOffset.UtcNow).TotalSeconds,
            StreamUrl(context, grant.ConversationId, BearerOf(context)!, watermark: null));
        if (!created)
        {
            return Results.Ok(body);
        }

        var logger = loggers.CreateLogger(typeof(DirectLineEndpoints));
        ServerLog.DirectLineConversationStarted(logger, grant.IsEditor);
        var starters = StarterQuestions.Select(q => new CardAction("imBack", q, System.Text.Json.Nodes.JsonValue.Create(q))).ToList();
        var greeting = grant.IsEditor
            ? "Editors' view is on: each answer is followed by how it was made. Ask about the reporting on the Syrian war."
            : "Ask me about news reporting on the Syrian war. Every statement is cited [n]: open a citation to read the outlet's exact words. Where reports disagree, I say so.";
        await conversations.AppendAsync(grant.ConversationId, WebChatAnswerRenderer.Say(greeting, starters), context.RequestAborted);
        return Results.Created($"{Prefix}/conversations/{grant.ConversationId}", body);
    }

    /// <summary>
    /// The conversation, with a fresh streamUrl to reconnect with: it replays from <paramref name="watermark"/> when one
    /// is given, else only what arrives after this request (as Direct Line 3.0's reconnect does).
    /// </summary>
    private static async Task<IResult> GetConversationAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore conversations)
    {
        if (Authorize(context, tokens, conversationId, out _) is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(watermark))
        {
            watermark = (await conversations.GetActivitiesAsync(conversationId, null, context.RequestAborted))?.Watermark;
        }
        else if (!await conversations.ExistsAsync(conversationId, context.RequestAborted))
        {
            watermark = null;
        }

        if (watermark is null)
        {
            return NotFound();
        }

        var token = BearerOf(context)!;
        return Results.Ok(new ConversationResponse(conversationId, token, null, StreamUrl(context, conversationId, token, watermark)));
    }

    /// <summary>
    /// The WebSocket stream. Its URL is preauthorised (the token rides in <c>t</c>, since browsers cannot set headers
    /// on a WebSocket); a bearer header is accepted too. A conversation has one stream: a new one closes the old.
    /// </summary>
    private static async Task<IResult> StreamAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokenService tokens,
        IDirectLineConversationStore conversations, DirectLineStreams streams)
    {
        if (Authorize(context, tokens, conversationId, out _, context.Request.Query["t"].ToString()) is { } problem)
        {
            return problem;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Connect to the stream with a WebSocket (or get activities by polling).");
        }

        if (!await conversations.ExistsAsync(conversationId, context.RequestAborted))
        {
            return NotFound();
        }

        if (!streams.HasRoomFor(conversationId))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many streams are open; get activities by polling, or try again later.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await streams.RunAsync(socket, conversationId, string.IsNullOrEmpty(watermark) ? null : watermark, context.RequestAborted);
        return Results.Empty;
    }

    private static string StreamUrl(HttpContext context, string conversationId, string token, string? watermark)
    {
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = watermark is null ? string.Empty : $"watermark={Uri.EscapeDataString(watermark)}&";
        return $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?{query}t={Uri.EscapeDataString(token)}";
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext context, DirectLineTokenService tokens,
        IDirectLineConversationStore conversations, IOptions<DirectLineOptions> options)
    {
        if (Authorize(context, tokens, conversationId, out _) is { } problem)
        {
            return problem;
        }

        // A poll that would come back empty is held until something arrives (bounded), so replies reach the page at
        // once and clients need not poll hard; Web Chat simply polls again after each answer.
        if (options.Value.HoldPollMilliseconds > 0)
        {
            await conversations.WaitForActivitiesAsync(conversationId, watermark, TimeSpan.FromMilliseconds(options.Value.HoldPollMilliseconds), context.RequestAborted);
        }

        var set = await conversations.GetActivitiesAsync(conversationId, watermark, context.RequestAborted);
        return set is null ? NotFound() : Results.Json(set, DirectLineActivity.JsonOptions);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore conversations, DirectLineTurnWorker queue)
    {
        if (Authorize(context, tokens, conversationId, out var grant) is { } problem)
        {
            return problem;
        }

        var posted = await JsonBody.ReadAsync<DirectLineActivity>(context.Request, DirectLineActivity.JsonOptions, context.RequestAborted);
        if (string.IsNullOrEmpty(posted.Type))
        {
            throw new BadHttpRequestException("The activity has no type.");
        }

        // The echo: the user's own activity, stored with a server id and channelData (clientActivityID) as sent.
        var echo = await conversations.AppendAsync(
            conversationId,
            posted with
            {
                From = new ChannelAccount(posted.From?.Id ?? "user", posted.From?.Name, "user"),
                Recipient = WebChatAnswerRenderer.Bot,
                ChannelId = posted.ChannelId ?? "webchat",
            },
            context.RequestAborted);
        if (echo is null)
        {
            return NotFound();
        }

        if (!queue.TryEnqueue(new DirectLineTurn(conversationId, echo, grant.IsEditor)))
        {
            await conversations.AppendAsync(conversationId, WebChatAnswerRenderer.Say("Sorry, too many questions are waiting right now. Please ask again in a minute.", replyToId: echo.Id), context.RequestAborted);
        }

        return Results.Ok(new ResourceResponse(echo.Id!));
    }

    /// <summary>Null when the bearer token is valid (for this conversation, when one is named); else the 401/403 to send.</summary>
    private static IResult? Authorize(HttpContext context, DirectLineTokenService tokens, string? conversationId, out DirectLineToken grant, string? queryToken = null)
    {
        grant = null!;
        var bearer = BearerOf(context) ?? (string.IsNullOrEmpty(queryToken) ? null : queryToken);
        if (bearer is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A Direct Line token is required (Authorization: Bearer TOKEN from tokens/generate; t=TOKEN on the stream).");
        }

        if (tokens.Validate(bearer) is not { } valid || (conversationId is not null && valid.ConversationId != conversationId))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The token is not valid for this conversation, or has expired.");
        }

        grant = valid;
        return null;
    }

    private static string? BearerOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static bool IsEditorKey(EditorOptions editor, string key)
    {
        if (!editor.Enabled || string.IsNullOrEmpty(editor.Key))
        {
            return false;
        }

        // Hash both so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(editor.Key)));
    }

    private static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The conversation does not exist or has expired.");

    private sealed record TokenResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ConversationResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int? ExpiresIn, string StreamUrl);

    private sealed record ResourceResponse(string Id);
}
