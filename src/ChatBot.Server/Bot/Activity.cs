using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Server.Bot;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase JSON, nulls omitted). Members this model does not
/// name are kept in <see cref="Properties"/>, so nothing a channel sends is lost when an activity is read and written.
/// </summary>
public sealed record Activity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    /// <summary>markdown, plain or xml.</summary>
    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    /// <summary>For invoke and event activities: the operation, e.g. message/submitAction.</summary>
    public string? Name { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>normal, notification, expectReplies.</summary>
    public string? DeliveryMode { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Channel-specific data, free-form (Teams: tenant, team, channel; our replies: feedbackLoop).</summary>
    public JsonObject? ChannelData { get; init; }

    /// <summary>Members of the activity this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; init; }

    /// <summary>A message replying to this activity: same conversation, sender and recipient swapped.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        Conversation = Conversation is null
            ? null
            : new ConversationAccount { Id = Conversation.Id, IsGroup = Conversation.IsGroup, Name = Conversation.Name, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>
    /// The text without the mention of the recipient (the bot): Teams group chats and channels put
    /// <c>&lt;at&gt;Bot&lt;/at&gt;</c> in the text and a <c>mention</c> entity beside it.
    /// </summary>
    public string RemoveRecipientMention()
    {
        var text = Text ?? string.Empty;
        if (Recipient?.Id is not { Length: > 0 } botId || Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in Entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(entity.GetString("mentioned", "id"), botId, StringComparison.OrdinalIgnoreCase)
                || entity.GetString("text") is not { } mentionText)
            {
                continue;
            }

            if (mentionText.Length > 0)
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();
    }
}
