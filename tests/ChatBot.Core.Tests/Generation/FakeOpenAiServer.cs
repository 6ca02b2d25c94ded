using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Generation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Tests.Generation;

/// <summary>
/// A loopback server on 127.0.0.1 speaking the chat-completions wire format (JSON, and SSE when the request asks to
/// stream), answering each request with the next scripted <see cref="Reply"/>. Records every request body.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly ConcurrentQueue<JsonElement> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Request bodies in arrival order.</summary>
    public IReadOnlyList<JsonElement> Requests => _requests.ToList();

    /// <summary>Completes when a request arrives (for cancelling a call that is surely in flight).</summary>
    public TaskCompletionSource RequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeOpenAiServer> StartAsync(params Reply[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        foreach (var reply in replies)
        {
            server._replies.Enqueue(reply);
        }

        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1/");
        return server;
    }

    public void Enqueue(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Options pointing at this server, with small delays so retries do not slow the tests.</summary>
    public ModelOptions Options(double timeoutSeconds = 30, int maxRetries = 2) => new()
    {
        Endpoint = Endpoint.ToString(),
        Model = "test-model",
        Auth = "key",
        ApiKey = "sk-test-secret-key",
        TimeoutSeconds = timeoutSeconds,
        MaxRetries = maxRetries,
        RetryDelaySeconds = 0.01,
        MaxRetryAfterSeconds = 5,
        BreakerMinimumThroughput = 100,
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        _requests.Enqueue(request);
        RequestArrived.TrySetResult();
        var stream = request.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var reply = _replies.TryDequeue(out var next) ? next : Reply.Status(500);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await reply.WriteAsync(context, request, stream, linked.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

/// <summary>A scripted reply of the fake server.</summary>
internal abstract class Reply
{
    public static Reply Text(string content) => new TextReply(content, cutHalfWay: false);

    /// <summary>Streams half the reply, then drops the connection (as JSON, the body stops half-way).</summary>
    public static Reply Cut(string content) => new TextReply(content, cutHalfWay: true);

    public static Reply Status(int status, string? retryAfter = null) => new StatusReply(status, retryAfter);

    /// <summary>Never answers until the client gives up.</summary>
    public static Reply Hang() => new HangReply();

    /// <summary>200 with a body that is not the chat-completions format.</summary>
    public static Reply Malformed() => new MalformedReply();

    /// <summary>
    /// A stand-in model that answers from the prompt it is sent: the first sentence of passage [1], attributed to its
    /// outlet and cited, as a grounded model would.
    /// </summary>
    public static Reply QuoteFirstPassage() => new PromptedReply();

    public abstract Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken);

    /// <summary>Writes the reply to a request; most replies ignore what was asked.</summary>
    public virtual Task WriteAsync(HttpContext context, JsonElement request, bool stream, CancellationToken cancellationToken) =>
        WriteAsync(context, stream, cancellationToken);

    private sealed class PromptedReply : Reply
    {
        public override Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A prompted reply needs the request.");

        public override Task WriteAsync(HttpContext context, JsonElement request, bool stream, CancellationToken cancellationToken)
        {
            var prompt = string.Join("\n", request.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
            var lines = prompt.Split('\n');
            var header = Array.FindIndex(lines, l => l.StartsWith("[1] ", StringComparison.Ordinal));
            if (header < 0)
            {
                return Text("NOT IN THE REPORTING: no passage was given").WriteAsync(context, stream, cancellationToken);
            }

            var outlet = lines[header][4..].Split(',')[0];
            var text = lines.Skip(header + 1).First(l => l.Length > 0 && !l.StartsWith("Sources this passage", StringComparison.Ordinal)).Trim();
            var end = text.IndexOf(". ", StringComparison.Ordinal);
            var sentence = (end < 0 ? text.TrimEnd('.') : text[..end]).Trim();
            return Text($"{outlet} reported: {sentence} [1].").WriteAsync(context, stream, cancellationToken);
        }
    }

    private sealed class TextReply(string content, bool cutHalfWay) : Reply
    {
        public override async Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken)
        {
            if (!stream)
            {
                var json = JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-1",
                    @object = "chat.completion",
                    created = 1_700_000_000,
                    model = "test-model",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 120, completion_tokens = 40, total_tokens = 160 },
                });
                context.Response.ContentType = "application/json";
                if (cutHalfWay)
                {
                    context.Response.ContentLength = json.Length;
                    await context.Response.WriteAsync(json[..(json.Length / 2)], cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                    context.Abort();
                    return;
                }

                await context.Response.WriteAsync(json, cancellationToken);
                return;
            }

            context.Response.ContentType = "text/event-stream";
            var pieces = Pieces(content);
            var count = cutHalfWay ? pieces.Count / 2 : pieces.Count;
            for (var i = 0; i < count; i++)
            {
                await WriteEventAsync(context, Chunk(new { role = "assistant", content = pieces[i] }, null), cancellationToken);
            }

            if (cutHalfWay)
            {
                context.Abort();
                return;
            }

            await WriteEventAsync(context, Chunk(new { }, "stop"), cancellationToken);
            await context.Response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        }

        private static string Chunk(object delta, string? finish) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        });

        private static async Task WriteEventAsync(HttpContext context, string json, CancellationToken cancellationToken)
        {
            await context.Response.WriteAsync($"data: {json}\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        /// <summary>A few words per piece, so sentences arrive split across chunks.</summary>
        private static List<string> Pieces(string content)
        {
            var pieces = new List<string>();
            var sb = new StringBuilder();
            var words = 0;
            foreach (var c in content)
            {
                sb.Append(c);
                if (c == ' ' && ++words % 3 == 0)
                {
                    pieces.Add(sb.ToString());
                    sb.Clear();
                }
            }

            if (sb.Length > 0)
            {
                pieces.Add(sb.ToString());
            }

            return pieces;
        }
    }

    private sealed class StatusReply(int status, string? retryAfter) : Reply
    {
        public override async Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"message":"scripted failure","type":"server_error","code":null}}""", cancellationToken);
        }
    }

    private sealed class HangReply : Reply
    {
        public override async Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the server is stopping: nothing more to send.
            }
        }
    }

    private sealed class MalformedReply : Reply
    {
        public override async Task WriteAsync(HttpContext context, bool stream, CancellationToken cancellationToken)
        {
            context.Response.ContentType = stream ? "text/event-stream" : "application/json";
            await context.Response.WriteAsync(stream ? "data: {this is not json\n\n" : "<html>this is not json</html>", cancellationToken);
        }
    }
}
