namespace ChatBot.Cli.Benchmarks;

/// <summary>What the Direct Line load test saw.</summary>
public sealed record ServerLoadResult
{
    public required int Conversations { get; init; }

    public required int Asked { get; init; }

    public required int Answered { get; init; }

    /// <summary>Requests that failed (non-2xx, transport errors, unreadable JSON).</summary>
    public required int Errors { get; init; }

    /// <summary>Questions that got no reply within the timeout.</summary>
    public required int Lost { get; init; }

    /// <summary>Replies that answered another conversation's question (replyToId or conversation id of another).</summary>
    public required int Crossed { get; init; }

    public DirectLineTransport Transport { get; init; }

    /// <summary>Polls (polling) or stream messages (WebSocket) per answered question: what a reply costs the server in requests or pushes.</summary>
    public double ReceivesPerReply { get; init; }

    public required double AsksPerSecond { get; init; }

    /// <summary>From posting the question to seeing the reply (pushed or polled), ms.</summary>
    public required LatencySummary Latency { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>The first few distinct error messages, to tell a server fault from a client one.</summary>
    public IReadOnlyList<string> ErrorSamples { get; init; } = [];
}
