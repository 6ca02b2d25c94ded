using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Conversations;

/// <summary>appsettings section "Conversations": how much conversation state one instance keeps in memory.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Conversations kept at once; the least recently used is dropped past this.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>User turns kept per conversation; the oldest are dropped past this.</summary>
    [Range(1, 100)]
    public int MaxTurnsPerConversation { get; set; } = 12;

    /// <summary>A conversation untouched for this long is forgotten.</summary>
    [Range(1, 7 * 24 * 60)]
    public int IdleExpiryMinutes { get; set; } = 60;
}
