using System.Net;

namespace ChatBot.Server.Tests.Bot;

/// <summary>No app id configured: unauthenticated activities from loopback only, replies to loopback only.</summary>
public sealed class LocalModeTests : IClassFixture<BotFrameworkLoopback>
{
    private readonly BotFrameworkLoopback _loopback;

    public LocalModeTests(BotFrameworkLoopback loopback)
    {
        _loopback = loopback;
        _loopback.Clear();
    }

    [Fact]
    public async Task Post_FromLoopbackWithoutToken_RepliesWithoutAuthorization()
    {
        using var factory = new BotApplicationFactory(_loopback, withAppId: false);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "How close did IS get to Palmyra?"), token: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await _loopback.WaitForPostedAsync(2);
        Assert.All(posted, p => Assert.Equal(string.Empty, p.Authorization));
    }

    [Fact]
    public async Task Post_FromAnotherMachine_Returns401()
    {
        using var factory = new BotApplicationFactory(_loopback, withAppId: false, remoteAddress: IPAddress.Parse("203.0.113.7"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "Hello"), token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_NonLoopbackServiceUrl_Returns401()
    {
        using var factory = new BotApplicationFactory(_loopback, withAppId: false);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage("https://smba.trafficmanager.net/emea/", "Hello"), token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenButNoAppId_Returns401()
    {
        using var factory = new BotApplicationFactory(_loopback, withAppId: false);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(BotActivities.Post(BotActivities.TeamsMessage(_loopback.ServiceUrl, "Hello"), _loopback.ChannelToken()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
