using ChatBot.Server.Bot;

namespace ChatBot.Server.Tests.Bot;

/// <summary>Stands in for MSAL (Entra ID is not reachable from tests).</summary>
public sealed class FakeConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Token = "connector-token-from-entra";

    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(Token);
}
