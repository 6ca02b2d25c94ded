using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;

namespace ChatBot.Cli.Tests.Benchmarks;

/// <summary>
/// Just enough of Direct Line 3.0 on loopback for the load test: a token, one conversation whose stream is a WebSocket,
/// and for each posted question the ActivitySet <c>replies</c> gives, pushed on that stream.
/// </summary>
/// <param name="replies">For a question's activity id and its number (0, 1, ...), the activities to push, as JSON objects.</param>
internal sealed class FakeDirectLineServer(Func<string, int, IReadOnlyList<string>> replies) : IAsyncDisposable
{
    private const string ConversationId = "conversation-1";

    private HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<WebSocket> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _serving = Task.CompletedTask;
    private int _posted;

    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        // HttpListener cannot be given port 0, and another process on this shared machine can take the port a probe
        // found free before the listener binds it: a few ports are tried.
        for (var attempt = 1; ; attempt++)
        {
            Address = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener.Prefixes.Add(Address.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
                _listener = new HttpListener();
            }
        }

        _serving = ServeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending accept.
        }

        _listener.Close();
        _stop.Dispose();
        _sending.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            handlers.Add(HandleAsync(context));
        }

        await Task.WhenAll(handlers);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (context.Request.IsWebSocketRequest)
        {
            var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
            _stream.TrySetResult(socket);
            await DrainAsync(socket);
            return;
        }

        switch (path)
        {
            case "/v3/directline/tokens/generate":
                await RespondAsync(context, """{"token": "token-1"}""");
                break;
            case "/v3/directline/conversations":
                await RespondAsync(context, $$"""{"conversationId": "{{ConversationId}}", "token": "token-1", "streamUrl": "ws://{{Address.Authority}}/stream"}""");
                break;
            case "/v3/directline/conversations/" + ConversationId + "/activities" when context.Request.HttpMethod == "POST":
                var number = Interlocked.Increment(ref _posted) - 1;
                var id = ConversationId + "|" + number.ToString("D4", CultureInfo.InvariantCulture);
                await RespondAsync(context, $$"""{"id": "{{id}}"}""");
                await PushAsync("""{"activities": [""" + string.Join(", ", replies(id, number)) + "]}");
                break;
            default:
                context.Response.StatusCode = 404;
                context.Response.Close();
                break;
        }
    }

    private async Task PushAsync(string activitySet)
    {
        var socket = await _stream.Task;
        await _sending.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(activitySet), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    // Reads until the client closes the stream (or drops it), then closes the server's side.
    private async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client dropped the stream, or the test is over.
        }
    }

    private static async Task RespondAsync(HttpListenerContext context, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
