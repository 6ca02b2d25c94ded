namespace ChatBot.Server.Bot;

/// <summary>The bot's logic for one turn (named as in the Microsoft 365 Agents SDK, so a swap is mechanical).</summary>
public interface IAgent
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
