namespace ChatBot.Server.Bot;

/// <summary>One inbound activity and the means to answer it (shaped like the Agents SDK's ITurnContext).</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>
    /// Sends an activity in reply: conversation, sender, recipient, channel and replyToId are filled from the inbound
    /// activity where the activity leaves them empty. An <see cref="ActivityTypes.InvokeResponse"/> is not sent but
    /// becomes the HTTP response to the invoke.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);
}
