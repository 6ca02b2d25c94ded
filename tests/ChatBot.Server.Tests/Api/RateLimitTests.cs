using System.Net;
using System.Net.Http.Json;
using ChatBot.Server.Tests.Fakes;

namespace ChatBot.Server.Tests.Api;

public sealed class RateLimitTests : IDisposable
{
    private readonly ChatBotServerFactory _factory = new(new Dictionary<string, string?>
    {
        ["RateLimits:AskPerWindow"] = "2",
        ["RateLimits:TokensPerWindow"] = "2",
        ["RateLimits:WindowSeconds"] = "600",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Ask_OverTheLimit_Returns429WithRetryAfter()
    {
        var http = _factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await http.PostAsJsonAsync("/api/ask", new { question = "Palmyra?" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await http.PostAsJsonAsync("/api/ask", new { question = "Palmyra?" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, _factory.Answering.Requests.Count);
    }

    [Fact]
    public async Task GenerateToken_OverTheLimit_Returns429WithRetryAfter()
    {
        var http = _factory.CreateClient();
        (await http.PostAsync("/v3/directline/tokens/generate", null)).Dispose();
        (await http.PostAsync("/v3/directline/tokens/generate", null)).Dispose();

        using var refused = await http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
