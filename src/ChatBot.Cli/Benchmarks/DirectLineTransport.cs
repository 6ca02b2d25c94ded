namespace ChatBot.Cli.Benchmarks;

/// <summary>How the load test's conversations receive the bot's activities.</summary>
public enum DirectLineTransport
{
    /// <summary>Direct Line 3.0's stream: one WebSocket per conversation, activities pushed as they are stored.</summary>
    WebSocket,

    /// <summary>GET activities after a watermark until the reply is there (the server holds an empty poll).</summary>
    Polling,
}
