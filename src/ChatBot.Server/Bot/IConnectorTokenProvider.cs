namespace ChatBot.Server.Bot;

/// <summary>The bearer token the bot presents to the Bot Connector when it replies.</summary>
/// <remarks>Thread-safe; implementations cache tokens until shortly before they expire.</remarks>
public interface IConnectorTokenProvider
{
    /// <summary>An access token for https://api.botframework.com.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
