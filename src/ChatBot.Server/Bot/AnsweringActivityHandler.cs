using System.Text.Json;
using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using ChatBot.Server.Streaming;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Bot;

/// <summary>
/// The bot: a message becomes a question (the bot's own mention removed) answered by the one answering service with
/// the conversation's earlier turns (in a Teams 1:1 chat streamed sentence by sentence as it is written, elsewhere a
/// typing indicator, then the answer); Teams' thumbs up/down (<c>message/submitAction</c>) is stored with the answer it
/// rated; a bot added to a chat or team says what it does.
/// </summary>
public sealed class AnsweringActivityHandler : ActivityHandler
{
    private readonly IAnsweringService _answering;
    private readonly IConversationStore _conversations;
    private readonly IFeedbackStore _feedback;
    private readonly IReplyLedger _ledger;
    private const string ContentStreamNotAllowed = "ContentStreamNotAllowed";

    private readonly TimeProvider _time;
    private readonly BotOptions _options;
    private readonly ILogger<AnsweringActivityHandler> _logger;

    public AnsweringActivityHandler(
        IAnsweringService answering,
        IConversationStore conversations,
        IFeedbackStore feedback,
        IReplyLedger ledger,
        TimeProvider time,
        IOptions<BotOptions> options,
        ILogger<AnsweringActivityHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
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
        var request = new AnswerRequest { Question = question, Turns = turns };

        // The turn's token is the reply worker's: a shutdown cancels the answer and the model call behind it.
        var (answer, stream) = TeamsStreamActivityFactory.CanStream(inbound)
            ? await StreamAsync(turnContext, request, cancellationToken)
            : (await _answering.AnswerAsync(request, cancellationToken), new TeamsStream());
        await _conversations.AddTurnAsync(conversationId, question, cancellationToken);

        var reply = AnswerActivityFactory.Create(inbound, answer);
        var sent = await SendFinalAsync(turnContext, reply, stream, cancellationToken);

        // A streamed message keeps the stream's id (Teams answers the final send with 202 and no id), so that is the id
        // a later feedback invoke names as replyToId; an id the Connector did give is remembered too.
        var replyIds = new[] { stream.OpenId, sent.Id }.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal);
        foreach (var replyId in replyIds)
        {
            if (inbound.Conversation?.Id is { } rawConversationId)
            {
                _ledger.Remember(rawConversationId, replyId!, new AnsweredReply(question, answer));
            }
        }
    }

    /// <summary>
    /// Sends each paced chunk of the answer into a Teams personal chat (notes 3.4): the next only after the previous
    /// send succeeded and at least <see cref="BotOptions.TeamsStreamIntervalMilliseconds"/> later. A failed chunk
    /// (403 ContentStreamNotAllowed: the user stopped it, or the 2-minute limit) ends streaming; the answer still comes.
    /// </summary>
    private async Task<(Answer Answer, TeamsStream Stream)> StreamAsync(ITurnContext turnContext, AnswerRequest request, CancellationToken cancellationToken)
    {
        var stream = new TeamsStream();
        var interval = TimeSpan.FromMilliseconds(_options.TeamsStreamIntervalMilliseconds);
        await foreach (var step in AnswerStreamPacer.PaceAsync(_answering.StreamAsync(request, cancellationToken), interval, _time, cancellationToken))
        {
            if (step.Final is { } final)
            {
                if (stream.Chunks > 0)
                {
                    BotLog.Streamed(_logger, stream.Chunks);
                }

                return (final, stream);
            }

            if (stream.Stopped)
            {
                continue;
            }

            try
            {
                var sent = await turnContext.SendActivityAsync(TeamsStreamActivityFactory.Chunk(step.Text!, step.Sequence, stream.Id), cancellationToken);
                stream.Chunks++;
                if (stream.Id is null)
                {
                    // The first chunk's id is the stream's; without one there is nothing to continue.
                    stream.Id = sent.Id is { Length: > 0 } ? sent.Id : null;
                    stream.Stopped = stream.Id is null;
                }
            }
            catch (HttpRequestException ex)
            {
                stream.Stopped = true;
                stream.Closed = ex is ConnectorRequestException { ErrorCode: ContentStreamNotAllowed };
                BotLog.StreamStopped(_logger, stream.Chunks, (int?)ex.StatusCode ?? 0, (ex as ConnectorRequestException)?.ErrorCode);
            }
        }

        throw new InvalidOperationException("The answer stream ended without a final answer.");
    }

    /// <summary>The answer, as the end of the stream when one is open; as a message of its own when Teams closed it.</summary>
    private static async Task<ResourceResponse> SendFinalAsync(ITurnContext turnContext, Activity reply, TeamsStream stream, CancellationToken cancellationToken)
    {
        if (stream.OpenId is not { } streamId)
        {
            return await turnContext.SendActivityAsync(reply, cancellationToken);
        }

        try
        {
            return await turnContext.SendActivityAsync(TeamsStreamActivityFactory.Final(reply, streamId), cancellationToken);
        }
        catch (ConnectorRequestException ex) when (ex.ErrorCode == ContentStreamNotAllowed)
        {
            // The stream ended on Teams' side (the 2-minute limit): the reader still gets the answer.
            stream.Closed = true;
            return await turnContext.SendActivityAsync(reply, cancellationToken);
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

        // Feedback names the reply it rates; a client that does not (the Agents Playground) rates the latest answer.
        var rated = inbound.Conversation?.Id is not { } conversationId ? null
            : inbound.ReplyToId is { } replyId ? _ledger.Find(conversationId, replyId)
            : _ledger.FindLatest(conversationId);
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

    /// <summary>The state of one Teams stream: its id once the first chunk was accepted, and whether it still takes chunks.</summary>
    private sealed class TeamsStream
    {
        public string? Id { get; set; }

        public int Chunks { get; set; }

        /// <summary>No more chunks are sent.</summary>
        public bool Stopped { get; set; }

        /// <summary>Teams ended the stream itself (403 ContentStreamNotAllowed): the answer goes as a message of its own.</summary>
        public bool Closed { get; set; }

        /// <summary>The id of a stream the final answer can still end.</summary>
        public string? OpenId => Closed ? null : Id;
    }
}
