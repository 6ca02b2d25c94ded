namespace ChatBot.Server.Api;

/// <summary>The <c>POST /api/ask</c> body: <c>{"question": "...", "turns": ["..."]}</c> (turns: earlier user questions, oldest first).</summary>
public sealed record AskRequest
{
    public string? Question { get; init; }

    public IReadOnlyList<string>? Turns { get; init; }
}
