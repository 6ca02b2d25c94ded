using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Answering;
using ChatBot.Core.Conversations;
using ChatBot.Core.Feedback;
using ChatBot.Server.Logging;
using ChatBot.Server.Streaming;
using ChatBot.Server.Telemetry;
using ChatBot.Server.Widget;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.DirectLine;

/// <summary>
/// The bot behind the local Direct Line: a question gets a typing indicator, then, while a generative answer is being
/// written, each checked sentence as Web Chat 4.18 livestream chunks (notes 4.5), then the cited answer, which replaces
/// them (and, in an editor conversation, how it was made); Web Chat's feedback event is stored, a thumbs down first asking for a reason.
/// </summary>
/// <remarks>Thread-safe; one instance serves every conversation.</remarks>
public sealed class WebChatTurnHandler(
    IServiceProvider services,
    IDirectLineConversationStore conversations,
    IConversationStore turns,
    IFeedbackStore feedback,
    ServerTelemetry telemetry,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<WebChatTurnHandler> logger)
{
    public const string FeedbackEventName = "webchat:activity-status/feedback";
    private const string FeedbackValueProperty = "chatbotFeedback";

    public async Task HandleAsync(DirectLineTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case "message" when ReadReason(activity) is { } reason:
                await StoreReasonAsync(turn, reason.AnswerKey, reason.Code, cancellationToken);
                break;
            case "message":
                await AnswerAsync(turn, cancellationToken);
                break;
            case "event" when activity.Name == FeedbackEventName:
                await HandleVoteAsync(turn, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task AnswerAsync(DirectLineTurn turn, CancellationToken cancellationToken)
    {
        var conversationId = turn.ConversationId;
        var question = turn.Activity.Text ?? "";
        await conversations.AppendAsync(conversationId, new DirectLineActivity { Type = "typing", From = WebChatAnswerRenderer.Bot }, cancellationToken);

        var earlier = await turns.GetTurnsAsync(conversationId, cancellationToken);
        ServerLog.QuestionText(logger, question);
        var answering = services.GetRequiredService<IAnsweringService>();
        var request = new AnswerRequest { Question = question, Turns = earlier, IncludeTrace = turn.IsEditor };

        // The answer lives as long as the turn and its reader: cancelled at shutdown, and when the conversation is
        // abandoned (nobody polls it any more, or it expired), which also cancels the model call behind it.
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stream = new WebChatLivestream(conversations, conversationId, turn.Activity.Id);
        var watch = WatchAsync(conversationId, lifetime);
        Answer answer;
        try
        {
            answer = await StreamAsync(answering.StreamAsync(request, lifetime.Token), stream, lifetime);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            ServerLog.DirectLineTurnAbandoned(logger, stream.Gone ? "it expired" : "it expired, or nobody polled it");
            if (stream.StreamId is not null)
            {
                // Closes the livestream for a reader who comes back: a final with no content (Web Chat's cancel).
                await conversations.AppendAsync(conversationId, stream.Cancelled(), CancellationToken.None);
            }

            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && stream.StreamId is not null)
        {
            // The worker apologises in a message of its own; the livestream must not stay open above it.
            await conversations.AppendAsync(conversationId, stream.Cancelled(), CancellationToken.None);
            throw;
        }
        finally
        {
            await lifetime.CancelAsync();
            await watch;
        }

        if (!string.IsNullOrWhiteSpace(question))
        {
            await turns.AddTurnAsync(conversationId, question, cancellationToken);
        }

        var answerKey = Guid.NewGuid().ToString("N")[..16];
        await conversations.RememberAnswerAsync(conversationId, answerKey, new AnsweredTurn(question, answer), cancellationToken);
        await conversations.AppendAsync(conversationId, stream.Final(WebChatAnswerRenderer.Render(answer, answerKey, turn.Activity.Id)), cancellationToken);
        if (turn.IsEditor && answer.Trace is { } trace)
        {
            await conversations.AppendAsync(conversationId, EditorTraceRenderer.Render(trace, turn.Activity.Id), cancellationToken);
        }

        ServerLog.DirectLineAnswered(logger, answer.Citations.Count, answer.Disputes.Count, answer.Refused);
    }

    /// <summary>Shows each paced chunk as a livestream typing activity; returns the final answer.</summary>
    private async Task<Answer> StreamAsync(IAsyncEnumerable<AnswerUpdate> updates, WebChatLivestream stream, CancellationTokenSource lifetime)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.StreamIntervalMilliseconds);
        await foreach (var step in AnswerStreamPacer.PaceAsync(updates, interval, time, lifetime.Token))
        {
            if (step.Final is { } final)
            {
                if (stream.Chunks > 0)
                {
                    ServerLog.DirectLineStreamed(logger, stream.Chunks);
                }

                return final;
            }

            if (!await stream.AppendChunkAsync(step.Text!, step.Sequence, lifetime.Token))
            {
                // The conversation is gone: nobody will read the rest.
                await lifetime.CancelAsync();
                lifetime.Token.ThrowIfCancellationRequested();
            }
        }

        throw new InvalidOperationException("The answer stream ended without a final answer.");
    }

    /// <summary>Cancels <paramref name="lifetime"/> once the conversation is gone or has not been polled for a while.</summary>
    private async Task WatchAsync(string conversationId, CancellationTokenSource lifetime)
    {
        var limit = TimeSpan.FromSeconds(options.Value.AbandonedAfterSeconds);
        var started = time.GetUtcNow();

        // Every turn ends by cancelling this wait, which is the normal way out, not an error: it returns instead of
        // throwing an OperationCanceledException per answer.
        while (true)
        {
            await Task.Delay(limit / 5, time, lifetime.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (lifetime.IsCancellationRequested)
            {
                return;
            }

            // Not lifetime.Token: the turn can end between the check above and this read, and a store that honoured the
            // token would then throw out of AnswerAsync's `await watch`, in its finally, and lose the answer just made.
            // The read is short (the in-memory store answers at once); the next pass sees the cancellation.
            var read = await conversations.LastReadAsync(conversationId, CancellationToken.None);
            if (read is null || time.GetUtcNow() - (read > started ? read.Value : started) >= limit)
            {
                await lifetime.CancelAsync();
                return;
            }
        }
    }

    private async Task HandleVoteAsync(DirectLineTurn turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.Entities is { Count: > 0 } entities ? entities[0] : null;
        var id = action?["@id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (!WebChatAnswerRenderer.TryParseFeedbackId(id, out var answerKey, out var helpful))
        {
            return;
        }

        if (helpful)
        {
            if (!await StoreAsync(turn, answerKey, helpful: true, reason: null, cancellationToken))
            {
                await SayNotRecordedAsync(turn, cancellationToken);
            }

            return;
        }

        // No reasons to offer for an answer the store no longer holds: they could not be recorded.
        if (await conversations.FindAnswerAsync(turn.ConversationId, answerKey, cancellationToken) is null)
        {
            await SayNotRecordedAsync(turn, cancellationToken);
            return;
        }

        var chips = FeedbackReasons.All
            .Select(r => new CardAction(
                "messageBack",
                r.Label,
                new JsonObject { [FeedbackValueProperty] = new JsonObject { ["answer"] = answerKey, ["reason"] = r.Code } },
                Text: r.Label,
                DisplayText: r.Label))
            .ToList();
        await conversations.AppendAsync(
            turn.ConversationId,
            WebChatAnswerRenderer.Say("Sorry it missed. What was wrong with that answer?", chips, turn.Activity.Id),
            cancellationToken);
    }

    private async Task StoreReasonAsync(DirectLineTurn turn, string answerKey, string code, CancellationToken cancellationToken)
    {
        if (await StoreAsync(turn, answerKey, helpful: false, code, cancellationToken))
        {
            await conversations.AppendAsync(
                turn.ConversationId,
                WebChatAnswerRenderer.Say($"Thank you. Recorded for the editors: {FeedbackReasons.LabelOf(code)?.ToLowerInvariant()}.", replyToId: turn.Activity.Id),
                cancellationToken);
        }
        else
        {
            await SayNotRecordedAsync(turn, cancellationToken);
        }
    }

    // Feedback on an answer the conversation no longer holds (the store forgets old ones): said, not silently dropped.
    private async Task SayNotRecordedAsync(DirectLineTurn turn, CancellationToken cancellationToken) =>
        await conversations.AppendAsync(
            turn.ConversationId,
            WebChatAnswerRenderer.Say("Sorry, that answer is no longer kept in this conversation, so your feedback was not recorded.", replyToId: turn.Activity.Id),
            cancellationToken);

    private async Task<bool> StoreAsync(DirectLineTurn turn, string answerKey, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        if (await conversations.FindAnswerAsync(turn.ConversationId, answerKey, cancellationToken) is not { } answered)
        {
            return false;
        }

        await feedback.AppendAsync(
            new FeedbackRecord
            {
                Time = time.GetUtcNow(),
                Channel = turn.Activity.ChannelId ?? "webchat",
                ConversationId = turn.ConversationId,
                Helpful = helpful,
                Reason = reason,
                Question = answered.Question,
                Answer = answered.Answer.Text,
                Citations = answered.Answer.Citations,
                PromptVersion = answered.Answer.PromptVersion,
            },
            cancellationToken);
        telemetry.Feedback.Add(1, new KeyValuePair<string, object?>("helpful", helpful));
        ServerLog.FeedbackStored(logger, helpful, reason ?? "none");
        return true;
    }

    private static (string AnswerKey, string Code)? ReadReason(DirectLineActivity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty(FeedbackValueProperty, out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("answer", out var answer) || answer.ValueKind != JsonValueKind.String
            || !data.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String
            || FeedbackReasons.LabelOf(reason.GetString()) is null)
        {
            return null;
        }

        return (answer.GetString()!, reason.GetString()!);
    }
}
