using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Server.Bot;

/// <summary>The turn context the adapter hands to the agent.</summary>
internal sealed class TurnContext : ITurnContext
{
    private readonly Func<Activity, CancellationToken, Task<ResourceResponse>> _send;
    private readonly List<Activity>? _buffered;

    /// <param name="activity">The inbound activity.</param>
    /// <param name="send">Posts to the Connector; null when replies are buffered (deliveryMode expectReplies).</param>
    public TurnContext(Activity activity, Func<Activity, CancellationToken, Task<ResourceResponse>>? send)
    {
        Activity = activity;
        _send = send ?? ((_, _) => Task.FromResult(new ResourceResponse(string.Empty)));
        _buffered = send is null ? [] : null;
    }

    public Activity Activity { get; }

    public InvokeResponse? InvokeResponse { get; private set; }

    /// <summary>Replies kept for an expectReplies response.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _buffered ?? [];

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.InvokeResponse)
        {
            InvokeResponse = activity.Value is { } value
                ? new InvokeResponse(value.GetProperty("status").GetInt32(), value.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null ? JsonNode.Parse(body.GetRawText()) : null)
                : new InvokeResponse(200);
            return new ResourceResponse(string.Empty);
        }

        var reference = Activity.CreateReply();
        var complete = activity with
        {
            ServiceUrl = activity.ServiceUrl ?? reference.ServiceUrl,
            ChannelId = activity.ChannelId ?? reference.ChannelId,
            From = activity.From ?? reference.From,
            Recipient = activity.Recipient ?? reference.Recipient,
            Conversation = activity.Conversation ?? reference.Conversation,
            ReplyToId = activity.ReplyToId ?? reference.ReplyToId,
            Locale = activity.Locale ?? reference.Locale,
        };

        if (_buffered is not null)
        {
            lock (_buffered)
            {
                _buffered.Add(complete);
            }

            return new ResourceResponse(Guid.NewGuid().ToString("N"));
        }

        return await _send(complete, cancellationToken);
    }

    /// <summary>An invokeResponse pseudo-activity carrying a status and an optional body.</summary>
    public static Activity CreateInvokeResponse(int status, JsonNode? body = null)
    {
        var value = new JsonObject { ["status"] = status };
        if (body is not null)
        {
            value["body"] = body;
        }

        return new Activity { Type = ActivityTypes.InvokeResponse, Value = JsonSerializer.SerializeToElement(value, BotJson.Options) };
    }
}
