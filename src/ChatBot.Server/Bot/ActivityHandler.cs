namespace ChatBot.Server.Bot;

/// <summary>
/// Dispatches a turn by activity type to overridable methods (as the Agents SDK's compat ActivityHandler does).
/// Types nobody handles are ignored: the channel still gets its 200.
/// </summary>
public abstract class ActivityHandler : IAgent
{
    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => OnInvokeActivityAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var added = turnContext.Activity.MembersAdded;
        return added is { Count: > 0 } ? OnMembersAddedAsync(added, turnContext, cancellationToken) : Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Invokes nobody handles get 501, as the Bot Framework SDK answers them.</summary>
    protected virtual Task OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(TurnContext.CreateInvokeResponse(501), cancellationToken);
    }
}
