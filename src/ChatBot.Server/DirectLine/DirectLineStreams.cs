using System.Net.WebSockets;
using System.Text.Json;
using ChatBot.Server.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// Direct Line 3.0's WebSocket stream: the server pushes each batch of new activities as one text message holding an
/// ActivitySet <c>{ activities, watermark }</c>, and an empty message when there has been nothing to say for
/// <see cref="DirectLineOptions.StreamKeepAliveSeconds"/>. Client messages are read and ignored (the protocol sends
/// activities by POST only). One stream per conversation: a new connection replaces the old one, which is closed with
/// the reason "collision" (a client reconnecting after a dropped network must not wait for the server to notice);
/// at most <see cref="DirectLineOptions.MaxStreams"/> at once (checked at connect, so handshakes racing each other
/// may pass it by a few); all closed when the server stops.
/// </summary>
/// <remarks>
/// Thread-safe. Each stream's loop is the only writer to its socket, so pushes never interleave. Against polling it
/// saves the requests a reply costs (a polling Web Chat asks every 700 ms; a held poll still costs a request, a token
/// check and a JSON page per activity batch): one push per batch, on the connection already open.
/// </remarks>
public sealed class DirectLineStreams(
    IDirectLineConversationStore conversations,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreams> logger)
{
    private readonly Dictionary<string, OpenStream> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>False when <see cref="DirectLineOptions.MaxStreams"/> are open and this conversation holds none of them.</summary>
    public bool HasRoomFor(string conversationId)
    {
        lock (_gate)
        {
            return _open.Count < _options.MaxStreams || _open.ContainsKey(conversationId);
        }
    }

    /// <summary>
    /// Pushes the conversation's activities after <paramref name="watermark"/> (null: from the start) until the client
    /// closes, the connection drops, another stream replaces this one, the conversation expires or the server stops.
    /// </summary>
    public async Task RunAsync(WebSocket socket, string conversationId, string? watermark, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var stream = new OpenStream(CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping));
        OpenStream? replaced;
        int open;
        lock (_gate)
        {
            _open.TryGetValue(conversationId, out replaced);
            _open[conversationId] = stream;
            open = _open.Count;
        }

        ServerLog.DirectLineStreamOpened(logger, open);

        replaced?.Close(WebSocketCloseStatus.PolicyViolation, "collision");
        // The reader has a token of its own: cancelling a WebSocket read aborts the socket, which must wait until the
        // close (with its reason) has been sent.
        using var draining = new CancellationTokenSource();
        try
        {
            var reading = DrainAsync(socket, stream, draining.Token);
            var (status, reason) = await PushAsync(socket, conversationId, watermark, stream);
            await CloseAsync(socket, status, reason);
            ServerLog.DirectLineStreamClosed(logger, status, reason);
            draining.CancelAfter(TimeSpan.FromSeconds(2)); // a client that never answers the close must not keep the reader waiting
            await reading;
        }
        finally
        {
            lock (_gate)
            {
                if (_open.TryGetValue(conversationId, out var current) && ReferenceEquals(current, stream))
                {
                    _open.Remove(conversationId);
                }
            }
        }
    }

    private async Task<(WebSocketCloseStatus Status, string Reason)> PushAsync(WebSocket socket, string conversationId, string? watermark, OpenStream stream)
    {
        // Read at least twice per abandonment window, so a turn being answered sees its reader still there.
        var keepAlive = TimeSpan.FromSeconds(Math.Min(_options.StreamKeepAliveSeconds, Math.Max(1, _options.AbandonedAfterSeconds / 2)));
        var token = stream.Lifetime.Token;
        var waited = false;
        try
        {
            while (true)
            {
                var set = await conversations.GetActivitiesAsync(conversationId, watermark, token);
                if (set is null)
                {
                    return (WebSocketCloseStatus.NormalClosure, "The conversation does not exist or has expired.");
                }

                if (set.Activities.Count > 0 || waited)
                {
                    // Empty after a wait: nothing arrived in time, so the keep-alive (an empty message) goes instead.
                    var message = set.Activities.Count > 0 ? JsonSerializer.SerializeToUtf8Bytes(set, DirectLineActivity.JsonOptions) : [];
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, token);
                }

                watermark = set.Watermark;
                waited = true;
                await conversations.WaitForActivitiesAsync(conversationId, watermark, keepAlive, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return stream.CloseReason ?? (lifetime.ApplicationStopping.IsCancellationRequested
                ? (WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.")
                : (WebSocketCloseStatus.NormalClosure, string.Empty));
        }
        catch (WebSocketException)
        {
            // The connection dropped: the client reconnects with its watermark.
            return (WebSocketCloseStatus.NormalClosure, string.Empty);
        }
    }

    /// <summary>Reads (and drops) what the client sends, so its close handshake and pings are seen; ends the stream on close.</summary>
    private static async Task DrainAsync(WebSocket socket, OpenStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Ending anyway: the push loop closes the socket.
        }

        stream.Close(null, null);
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // Bounded: a client that never answers the close handshake must not hold the request open.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync(status, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Gone already.
        }
    }

    /// <summary>One open stream: its lifetime, and why it was ended from outside (a collision), if it was.</summary>
    private sealed class OpenStream(CancellationTokenSource lifetime) : IDisposable
    {
        public CancellationTokenSource Lifetime { get; } = lifetime;

        public (WebSocketCloseStatus, string)? CloseReason { get; private set; }

        public void Close(WebSocketCloseStatus? status, string? reason)
        {
            if (status is { } known)
            {
                CloseReason ??= (known, reason ?? string.Empty);
            }

            try
            {
                Lifetime.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended meanwhile.
            }
        }

        public void Dispose() => Lifetime.Dispose();
    }
}
