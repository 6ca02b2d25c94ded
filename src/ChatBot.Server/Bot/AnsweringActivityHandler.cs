using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Bot;

/// <summary>
/// The bot: a message becomes a question (the bot's own mention removed) answered by the one answering service with
/// the conversation's earlier turns; Teams' thumbs up/down (<c>message/submitAction</c>) is stored with the answer it
/// rated; a bot added to a chat or team says what it does.
/// </summary>
public sealed class AnsweringActivityHandler : ActivityHandler
{
    private readonly IAnsweringService _answering;
    private readonly IConversationStore _conversations;
    private readonly IFeedbackStore _feedback;
    private readonly IReplyLedger _ledger;
    private readonly TimeProvider _time;
    private readonly ILogger<AnsweringActivityHandler> _logger;

    public AnsweringActivityHandler(
        IAnsweringService answering,
        IConversationStore conversations,
        IFeedbackStore feedback,
        IReplyLedger ledger,
        TimeProvider time,
        ILogger<AnsweringActivityHandler> logger)
    {
        _answering = answering;
        _conversations = conversations;
        _feedback = feedback;
        _ledger = ledger;
        _time = time;
        _logger = logger;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var inbound = turnContext.Activity;
        var question = inbound.RemoveRecipientMention();
        if (question.Length == 0)
        {
            await turnContext.SendActivityAsync(inbound.CreateReply(Welcome(inbound)), cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);

        var conversationId = ConversationKey(inbound);
        var turns = await _conversations.GetTurnsAsync(conversationId, cancellationToken);
        var answer = await _answering.AnswerAsync(new AnswerRequest { Question = question, Turns = turns }, cancellationToken);
        await _conversations.AddTurnAsync(conversationId, question, cancellationToken);

        var sent = await turnContext.SendActivityAsync(AnswerActivityFactory.Create(inbound, answer), cancellationToken);
        if (sent.Id is { Length: > 0 } replyId && inbound.Conversation?.Id is { } rawConversationId)
        {
            _ledger.Remember(rawConversationId, replyId, new AnsweredReply(question, answer));
        }
    }

    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var botId = turnContext.Activity.Recipient?.Id;
        if (botId is not null && membersAdded.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)))
        {
            await turnContext.SendActivityAsync(turnContext.Activity.CreateReply(Welcome(turnContext.Activity)), cancellationToken);
        }
    }

    protected override async Task OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var inbound = turnContext.Activity;
        if (!string.Equals(inbound.Name, "message/submitAction", StringComparison.Ordinal))
        {
            await base.OnInvokeActivityAsync(turnContext, cancellationToken);
            return;
        }

        if (!TryReadFeedback(inbound.Value, out var helpful, out var comment))
        {
            await turnContext.SendActivityAsync(TurnContext.CreateInvokeResponse(400), cancellationToken);
            return;
        }

        var rated = inbound.Conversation?.Id is { } conversationId && inbound.ReplyToId is { } replyId
            ? _ledger.Find(conversationId, replyId)
            : null;
        if (rated is null)
        {
            BotLog.FeedbackWithoutAnswer(_logger, inbound.ReplyToId);
        }

        await _feedback.AppendAsync(new FeedbackRecord
        {
            Time = _time.GetUtcNow(),
            Channel = inbound.ChannelId ?? "unknown",
            ConversationId = inbound.Conversation?.Id,
            Helpful = helpful,
            // Teams' built-in form has no reason picker: only free text, kept as the comment.
            Reason = null,
            Comment = comment,
            Question = rated?.Question ?? string.Empty,
            Answer = rated?.Answer.Text ?? string.Empty,
            Citations = rated?.Answer.Citations ?? [],
            PromptVersion = rated?.Answer.PromptVersion ?? "unknown",
        }, cancellationToken);
        BotLog.FeedbackStored(_logger, helpful ? "like" : "dislike", inbound.ChannelId);

        // Teams wants 200 with an empty body for message/submitAction (notes 2.6).
        await turnContext.SendActivityAsync(TurnContext.CreateInvokeResponse(200), cancellationToken);
    }

    /// <summary>value: { actionName: "feedback", actionValue: { reaction: like|dislike, feedback: "{\"feedbackText\":\"...\"}" } }.</summary>
    private static bool TryReadFeedback(JsonElement? value, out bool helpful, out string? comment)
    {
        helpful = false;
        comment = null;
        if (value is not { ValueKind: JsonValueKind.Object } v
            || !v.TryGetProperty("actionName", out var actionName) || actionName.ValueKind != JsonValueKind.String || actionName.GetString() != "feedback"
            || !v.TryGetProperty("actionValue", out var actionValue) || actionValue.ValueKind != JsonValueKind.Object
            || !actionValue.TryGetProperty("reaction", out var reaction) || reaction.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        switch (reaction.GetString())
        {
            case "like": helpful = true; break;
            case "dislike": helpful = false; break;
            default: return false;
        }

        if (actionValue.TryGetProperty("feedback", out var feedback) && feedback.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var doc = JsonDocument.Parse(feedback.GetString()!);
                if (doc.RootElement.ValueKind == JsonValueKind.Object
                    && doc.RootElement.TryGetProperty("feedbackText", out var text) && text.ValueKind == JsonValueKind.String
                    && text.GetString() is { Length: > 0 } t)
                {
                    comment = t;
                }
            }
            catch (JsonException)
            {
                comment = feedback.GetString();
            }
        }

        return true;
    }

    private static string ConversationKey(Activity activity) => $"{activity.ChannelId}:{activity.Conversation?.Id}";

    private static string Welcome(Activity activity)
    {
        const string what = "Hello! I answer questions about news reporting on the Syrian war from the articles I hold. "
            + "Every statement I give is cited, I say who claims what, and I point out where reports disagree. "
            + "Try: \"How close did IS get to Palmyra?\"";
        var group = activity.Conversation?.IsGroup == true
            || activity.Conversation?.ConversationType is "groupChat" or "channel";
        return group ? what + " In a group chat or channel, mention me with your question." : what;
    }
}
