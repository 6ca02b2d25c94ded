using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ChatBot.Cli.Benchmarks;

/// <summary>
/// Many concurrent Direct Line 3.0 conversations against a local server: each starts a conversation, posts its
/// questions one after another and waits for each reply, on the conversation's WebSocket stream or by polling.
/// Bounded: a fixed number of questions, each waited on for at most the timeout. Loopback only: this is a load
/// generator and must never point at someone else's server.
/// </summary>
public sealed class DirectLineLoadTest(Uri server, TimeSpan replyTimeout, TimeSpan pollInterval, DirectLineTransport transport = DirectLineTransport.WebSocket)
{
    private readonly ConcurrentDictionary<string, string> _askedIn = new(StringComparer.Ordinal);
    private volatile string? _lastPollError;

    /// <exception cref="InvalidOperationException">The server is not a loopback address.</exception>
    public async Task<ServerLoadResult> RunAsync(IReadOnlyList<string> questions, int conversations, int asksPerConversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (!server.IsLoopback)
        {
            throw new InvalidOperationException($"{server}: the load test runs against loopback only (127.0.0.1, ::1, localhost).");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = replyTimeout + TimeSpan.FromSeconds(5) };
        var counters = new Counters();
        var latencies = new ConcurrentBag<double>();
        // The clock starts when the last conversation reaches the start gate, set up (token, conversation, stream) or
        // given up after a failed set-up, and they start asking together. It stops when every conversation has ended:
        // its last question answered, failed or given up at the reply timeout, and its stream closed. asks/s times the
        // asking, not the set-ups before it.
        var gate = new StartGate(conversations);
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => ConverseAsync(http, c, questions, asksPerConversation, conversations, counters, latencies, gate, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(gate.OpenedAt);

        return new ServerLoadResult
        {
            Conversations = conversations,
            Asked = counters.Asked,
            Answered = counters.Answered,
            Errors = counters.Errors,
            Lost = counters.Lost,
            Crossed = counters.Crossed,
            Transport = transport,
            ReceivesPerReply = counters.Answered == 0 ? 0 : (double)counters.Receives / counters.Answered,
            AsksPerSecond = counters.Answered / elapsed.TotalSeconds,
            Latency = LatencySummary.Of(latencies.ToArray()),
            Elapsed = elapsed,
            ErrorSamples = [.. counters.Samples.Distinct(StringComparer.Ordinal)],
        };
    }

    private async Task ConverseAsync(HttpClient http, int index, IReadOnlyList<string> questions, int asks, int conversations, Counters counters, ConcurrentBag<double> latencies, StartGate gate, CancellationToken ct)
    {
        // Leaving early (a failed set-up) still counts as arriving, so the other conversations are not held.
        using var place = gate.Join();
        var user = $"bench-user-{index}";
        string conversationId;
        string? token;
        Uri? streamUrl;
        try
        {
            // As Web Chat does: a token for one conversation (the page holds no secret), then start it with the token.
            using var issued = await http.PostAsync("v3/directline/tokens/generate", null, ct);
            issued.EnsureSuccessStatusCode();
            token = (await issued.Content.ReadFromJsonAsync<JsonObject>(ct))?["token"]?.GetValue<string>();
            using var starting = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
            Authorize(starting, token);
            using var start = await http.SendAsync(starting, ct);
            start.EnsureSuccessStatusCode();
            var body = await start.Content.ReadFromJsonAsync<JsonObject>(ct);
            conversationId = body?["conversationId"]?.GetValue<string>() ?? throw new JsonException("no conversationId");
            token = body["token"]?.GetValue<string>() ?? token;
            streamUrl = body["streamUrl"]?.GetValue<string>() is { } url ? new Uri(url) : null;
            if (transport == DirectLineTransport.WebSocket && streamUrl is null)
            {
                throw new InvalidOperationException("the conversation has no streamUrl (use --transport polling)");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            counters.Error(asks, "start conversation: " + ex.GetBaseException().Message);
            return;
        }

        using var stream = transport == DirectLineTransport.WebSocket ? new ClientWebSocket() : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pushed = Channel.CreateUnbounded<SeenActivity>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task receiving = Task.CompletedTask;
        if (stream is not null)
        {
            try
            {
                await stream.ConnectAsync(streamUrl!, ct);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException && !ct.IsCancellationRequested)
            {
                counters.Error(asks, "connect stream: " + ex.GetBaseException().Message);
                return;
            }

            receiving = ReceiveAsync(stream, pushed.Writer, counters, stop.Token);
        }

        await place.ArriveAsync();
        var watermark = (string?)null;
        for (var k = 0; k < asks; k++)
        {
            // Distinct questions across all conversations (cycling through the set when it is smaller).
            var question = questions[((k * conversations) + index) % questions.Count];
            counters.Ask();
            var clock = Stopwatch.StartNew();
            string activityId;
            try
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities")
                {
                    // A buffered body (with Content-Length), as browsers send it; JsonContent would stream it chunked.
                    Content = new StringContent(JsonSerializer.Serialize(new { type = "message", from = new { id = user }, text = question }), Encoding.UTF8, "application/json"),
                };
                Authorize(post, token);
                using var posted = await http.SendAsync(post, ct);
                posted.EnsureSuccessStatusCode();
                activityId = (await posted.Content.ReadFromJsonAsync<JsonObject>(ct))?["id"]?.GetValue<string>() ?? string.Empty;
                _askedIn[activityId] = conversationId;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                counters.Error(1, "post activity: " + ex.GetBaseException().Message);
                continue;
            }

            Outcome outcome;
            if (stream is null)
            {
                (outcome, watermark) = await AwaitReplyAsync(http, conversationId, token, user, activityId, watermark, counters, ct);
            }
            else
            {
                outcome = await AwaitPushedReplyAsync(pushed.Reader, conversationId, user, activityId, ct);
            }

            switch (outcome)
            {
                case Outcome.Answered:
                    counters.Answer();
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    break;
                case Outcome.Crossed:
                    counters.Cross();
                    break;
                case Outcome.Error:
                    counters.Error(1, "poll activities: " + _lastPollError);
                    break;
                default:
                    counters.Lose();
                    break;
            }
        }

        if (stream is not null)
        {
            await stop.CancelAsync();
            await receiving;
        }
    }

    /// <summary>Reads the stream's ActivitySets into <paramref name="activities"/> until it closes; empty messages are keep-alives.</summary>
    private async Task ReceiveAsync(ClientWebSocket socket, ChannelWriter<SeenActivity> activities, Counters counters, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _lastPollError = $"the stream closed: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage || message.Length == 0)
                {
                    continue;
                }

                counters.Receive();
                using (var set = JsonDocument.Parse(message.GetBuffer().AsMemory(0, (int)message.Length)))
                {
                    foreach (var activity in SeenActivity.AllIn(set.RootElement))
                    {
                        activities.TryWrite(activity);
                    }
                }

                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or OperationCanceledException)
        {
            if (!ct.IsCancellationRequested)
            {
                _lastPollError = "stream: " + ex.GetBaseException().Message;
            }
        }
        finally
        {
            activities.TryComplete();
            if (socket.State == WebSocketState.Open)
            {
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bound.Token);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                    // The server is gone already.
                }
            }
        }
    }

    private async Task<Outcome> AwaitPushedReplyAsync(ChannelReader<SeenActivity> pushed, string conversationId, string user, string activityId, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(replyTimeout);
        try
        {
            while (await pushed.WaitToReadAsync(deadline.Token))
            {
                while (pushed.TryRead(out var activity))
                {
                    if (Judge(activity, conversationId, user, activityId) is { } outcome)
                    {
                        return outcome;
                    }
                }
            }

            return Outcome.Error; // the stream closed
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Outcome.Lost;
        }
    }

    /// <summary>What an activity the bot sent says about the reply awaited; null when it is not that reply (yet).</summary>
    private Outcome? Judge(SeenActivity activity, string conversationId, string user, string activityId)
    {
        if (activity.Fault is { } fault)
        {
            // A message the client cannot read is a bad reply, as an unparseable page or set is.
            _lastPollError = "malformed message activity: " + fault;
            return Outcome.Error;
        }

        if (activity.FromId == user)
        {
            return null;
        }

        var replyTo = activity.ReplyToId;
        var inConversation = activity.ConversationId;
        if ((inConversation is not null && inConversation != conversationId)
            || (replyTo is not null && replyTo != activityId && _askedIn.TryGetValue(replyTo, out var other) && other != conversationId))
        {
            return Outcome.Crossed;
        }

        // Only a reply naming the question counts: the greeting (no replyToId) must not pass for the first answer.
        return replyTo == activityId ? Outcome.Answered : null;
    }

    private async Task<(Outcome Outcome, string? Watermark)> AwaitReplyAsync(HttpClient http, string conversationId, string? token, string user, string activityId, string? watermark, Counters counters, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < replyTimeout)
        {
            IReadOnlyList<SeenActivity> activities;
            try
            {
                var url = $"v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (watermark is null ? string.Empty : $"?watermark={Uri.EscapeDataString(watermark)}");
                using var get = new HttpRequestMessage(HttpMethod.Get, url);
                Authorize(get, token);
                counters.Receive();
                using var response = await http.SendAsync(get, ct);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var page = await JsonDocument.ParseAsync(body, cancellationToken: ct);
                watermark = page.RootElement.ValueKind == JsonValueKind.Object && page.RootElement.TryGetProperty("watermark", out var mark) && mark.ValueKind != JsonValueKind.Null
                    ? mark.GetString() ?? watermark
                    : watermark;
                activities = SeenActivity.AllIn(page.RootElement);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                _lastPollError = ex.GetBaseException().Message;
                return (Outcome.Error, watermark);
            }

            foreach (var activity in activities)
            {
                if (Judge(activity, conversationId, user, activityId) is { } outcome)
                {
                    return (outcome, watermark);
                }
            }

            await Task.Delay(pollInterval, ct);
        }

        return (Outcome.Lost, watermark);
    }

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>
    /// The three fields of a message activity that <see cref="Judge"/> reads, or, when one holds a value other than a
    /// string or null, what is wrong (<c>Fault</c>, the fields then null). The client shares the server's two cores, so
    /// it reads each pushed ActivitySet once with a pooled JsonDocument and keeps only these, instead of building a
    /// JsonNode tree of every activity (answers with their citations included) and walking it by name.
    /// </summary>
    private sealed record SeenActivity(string? FromId, string? ReplyToId, string? ConversationId, string? Fault = null)
    {
        /// <summary>The message activities of a set or page; the others (typing, events) are skipped unread.</summary>
        public static List<SeenActivity> AllIn(JsonElement set)
        {
            var seen = new List<SeenActivity>();
            if (set.ValueKind == JsonValueKind.Object && set.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array)
            {
                foreach (var activity in activities.EnumerateArray())
                {
                    if (Member(activity, "type") is { ValueKind: JsonValueKind.String } type && type.ValueEquals("message"))
                    {
                        seen.Add(Read(activity));
                    }
                }
            }

            return seen;
        }

        private static SeenActivity Read(JsonElement message)
        {
            var from = Member(Member(message, "from"), "id");
            var replyTo = Member(message, "replyToId");
            var conversation = Member(Member(message, "conversation"), "id");
            return (Misread("from.id", from) ?? Misread("replyToId", replyTo) ?? Misread("conversation.id", conversation)) is { } fault
                ? new SeenActivity(null, null, null, fault)
                : new SeenActivity(Text(from), Text(replyTo), Text(conversation));
        }

        private static JsonElement Member(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member) ? member : default;

        private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // Each field is a string, null or absent; any other kind (where GetString would throw) is named as the fault.
        private static string? Misread(string name, JsonElement value) =>
            value.ValueKind is JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined ? null : $"{name} is a {value.ValueKind}, not a string";
    }

    private enum Outcome
    {
        Answered,
        Lost,
        Crossed,
        Error,
    }

    /// <summary>Opens when every conversation has arrived (or left); remembers when, for the clock.</summary>
    private sealed class StartGate(int conversations)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting = conversations;

        public long OpenedAt { get; private set; } = Stopwatch.GetTimestamp();

        /// <summary>One conversation's place: it arrives once, by <see cref="Place.ArriveAsync"/> or when disposed.</summary>
        public Place Join() => new(this);

        private void Arrive()
        {
            if (Interlocked.Decrement(ref _waiting) == 0)
            {
                OpenedAt = Stopwatch.GetTimestamp();
                _open.TrySetResult();
            }
        }

        public sealed class Place(StartGate gate) : IDisposable
        {
            private int _arrived;

            /// <summary>Arrives, then waits until every conversation has.</summary>
            public Task ArriveAsync()
            {
                Dispose();
                return gate._open.Task;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _arrived, 1) == 0)
                {
                    gate.Arrive();
                }
            }
        }
    }

    private sealed class Counters
    {
        private int _asked;
        private int _answered;
        private int _errors;
        private int _lost;
        private int _crossed;
        private int _receives;

        public int Asked => Volatile.Read(ref _asked);

        public int Answered => Volatile.Read(ref _answered);

        public int Errors => Volatile.Read(ref _errors);

        public int Lost => Volatile.Read(ref _lost);

        public int Crossed => Volatile.Read(ref _crossed);

        /// <summary>Polls sent, or stream messages with activities received.</summary>
        public int Receives => Volatile.Read(ref _receives);

        public void Receive() => Interlocked.Increment(ref _receives);

        public void Ask() => Interlocked.Increment(ref _asked);

        public void Answer() => Interlocked.Increment(ref _answered);

        public ConcurrentQueue<string> Samples { get; } = new();

        public void Error(int n, string reason)
        {
            Interlocked.Add(ref _errors, n);
            if (Samples.Count < 5)
            {
                Samples.Enqueue(reason);
            }
        }

        public void Lose() => Interlocked.Increment(ref _lost);

        public void Cross() => Interlocked.Increment(ref _crossed);
    }
}
