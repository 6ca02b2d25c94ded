using System.ComponentModel.DataAnnotations;

namespace ChatBot.Server.DirectLine;

/// <summary>appsettings section "DirectLine": the local Direct Line 3.0 subset behind the web chat page.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Lifetime of a token from tokens/generate or tokens/refresh (Direct Line's own is 30 minutes).</summary>
    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>Conversations kept at once; the least recently used is dropped past this.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Activities kept per conversation; the oldest are dropped past this (watermarks stay valid).</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>
    /// Activities kept across all conversations: the store's memory bound (an answer's activity is a few KB, and the
    /// answer remembered for feedback on it as much again). Past this the least recently used conversations lose the
    /// activities their clients have shown they hold (by fetching after them), and with them their remembered answers,
    /// until the store is back to nine tenths of it; they go on, their watermarks valid. Nothing else is dropped this
    /// way: not a reply still on its way, nor anything of the conversation being appended to. So the bound is soft:
    /// while replies wait unfetched, the store holds more.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxActivities { get; set; } = 10_000;

    /// <summary>A conversation nobody polled or posted to for this long is forgotten (the client sees 404).</summary>
    [Range(1, 7 * 24 * 60)]
    public int IdleExpiryMinutes { get; set; } = 60;

    /// <summary>How long a poll that finds nothing new is held waiting for the next activity (0: answer at once).</summary>
    [Range(0, 20_000)]
    public int HoldPollMilliseconds { get; set; } = 1000;

    /// <summary>WebSocket streams open at once (one per conversation at most); past this a connect gets 503.</summary>
    [Range(1, 100_000)]
    public int MaxStreams { get; set; } = 5_000;

    /// <summary>
    /// A stream with nothing to send for this long sends an empty message, Direct Line's keep-alive (it is sent at
    /// least twice within <see cref="AbandonedAfterSeconds"/>, so an open stream keeps its turns alive).
    /// </summary>
    [Range(1, 3600)]
    public int StreamKeepAliveSeconds { get; set; } = 15;

    /// <summary>Questions answered at the same time; more wait in a bounded queue.</summary>
    [Range(1, 256)]
    public int MaxConcurrentTurns { get; set; } = 8;

    /// <summary>Posted activities waiting to be answered; past this a post gets 503.</summary>
    [Range(1, 100_000)]
    public int MaxQueuedTurns { get; set; } = 1_000;

    /// <summary>
    /// While an answer streams, chunks are queued at most this often (later sentences coalesce into the next chunk, which
    /// carries the whole text so far). Web Chat's stream shows each at once; a polling client (every 700 ms) would see closer
    /// chunks arrive together.
    /// </summary>
    [Range(100, 10_000)]
    public int StreamIntervalMilliseconds { get; set; } = 500;

    /// <summary>
    /// A turn whose conversation nobody fetched activities from for this long (an open stream reads at each activity and
    /// each keep-alive; a polling page every 700 ms), or which
    /// expired or was dropped, is abandoned: the answer, and any model call behind it, is cancelled.
    /// </summary>
    [Range(1, 3600)]
    public int AbandonedAfterSeconds { get; set; } = 30;
}
