namespace ChatBot.Server.Bot;

/// <summary>Buttons offered under a message (Teams shows the first three).</summary>
public sealed record SuggestedActions
{
    /// <summary>Ids of the recipients who see them; null means everyone.</summary>
    public IReadOnlyList<string>? To { get; init; }

    public required IReadOnlyList<CardAction> Actions { get; init; }
}
