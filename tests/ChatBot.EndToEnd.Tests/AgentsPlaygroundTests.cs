using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChatBot.EndToEnd.Tests;

/// <summary>
/// A real client: the Microsoft 365 Agents Playground, headless, asks the real server (real engine, seed corpus) a
/// question over the Bot Framework protocol in local mode and logs the bot's reply, which must carry Teams' citations
/// and pass the Playground's own checks of the AI entity.
/// </summary>
public sealed partial class AgentsPlaygroundTests : IAsyncLifetime, IDisposable
{
    // Seed suite case aleppo-share-captured: answered from newarab-divided-fronts.
    private const string Question = "How much of rebel-held Aleppo had Assad's troops captured in December 2016?";
    private const string ExpectedTitle = "Syrian regime struggles to sustain fight on divided fronts";

    private readonly RealEngineServerFactory _server = new();
    private readonly ITestOutputHelper _output;
    private AgentsPlayground? _playground;

    public AgentsPlaygroundTests(ITestOutputHelper output) => _output = output;

    public Task InitializeAsync() => _server.StartAsync(TimeSpan.FromSeconds(15));

    public async Task DisposeAsync()
    {
        _playground?.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose()
    {
        _playground?.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Playground_QuestionPostedToItsConversation_LogsCitedReplyItAccepted()
    {
        // Bounded steps that add up to under a minute (a cached install takes no time).
        var clock = Stopwatch.StartNew();
        var cli = await AgentsPlayground.EnsureInstalledAsync(TimeSpan.FromSeconds(25));
        _output.WriteLine($"npm install: {clock.ElapsedMilliseconds} ms ({AgentsPlayground.CacheDirectory})");
        _playground = await AgentsPlayground.StartAsync(cli, new Uri(_server.BaseAddress, "api/messages"), TimeSpan.FromSeconds(10));
        _output.WriteLine($"Playground start: {clock.ElapsedMilliseconds} ms ({_playground.BaseAddress})");
        using var requests = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var userId = await _playground.ReadCurrentUserAsync(requests.Token);
        await _playground.PostMessageAsync(userId, Question, requests.Token);
        var entry = await _playground.WaitForBotMessageAsync(Question, TimeSpan.FromSeconds(10));
        _output.WriteLine($"reply logged: {clock.ElapsedMilliseconds} ms");

        // The mock connector validates the AI entity (at most 10 citations, abstract required, ...): 201 means accepted.
        var reply = entry["request"]?["body"] as JsonObject;
        Assert.True(entry["response"]?["statusCode"]?.GetValue<int>() == 201,
            $"The Playground's mock connector did not accept the bot's reply (expected 201): {Clip(entry.ToJsonString())}");
        Assert.NotNull(reply);

        var text = (string?)reply["text"] ?? "";
        var markers = CitationMarker().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.True(markers.Count > 0, $"The reply has no [n] citation marker: {text}");
        Assert.Contains("80 percent", text, StringComparison.Ordinal);

        var messages = (reply["entities"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "https://schema.org/Message").ToList();
        var message = Assert.Single(messages);
        Assert.Equal("Message", (string?)message["@type"]);
        Assert.Contains("AIGeneratedContent", (message["additionalType"] as JsonArray ?? []).Select(t => (string?)t));
        var citations = (message["citation"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.Equal("Claim", (string?)c["@type"]));
        var positions = citations.Select(c => c["position"]?.GetValue<int>() ?? 0).ToList();
        Assert.All(markers, n => Assert.Contains(n, positions));
        Assert.Contains(citations, c => ((string?)c["appearance"]?["name"])?.Contains(ExpectedTitle, StringComparison.Ordinal) == true);
        Assert.Equal("default", (string?)reply["channelData"]?["feedbackLoop"]?["type"]);
    }

    private static string Clip(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationMarker();
}
