using ChatBot.Core.Answering;

namespace ChatBot.Core.Feedback;

/// <summary>A reader's thumbs up or down on an answer, with everything an editor needs to review it.</summary>
public sealed record FeedbackRecord
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>"webchat", "msteams", "emulator", ...</summary>
    public required string Channel { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>true = thumbs up.</summary>
    public required bool Helpful { get; init; }

    /// <summary>wrong-source, misattributed, missing-outlet, outdated, other; null for thumbs up.</summary>
    public string? Reason { get; init; }

    public string? Comment { get; init; }

    public required string Question { get; init; }

    public required string Answer { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public required string PromptVersion { get; init; }
}
