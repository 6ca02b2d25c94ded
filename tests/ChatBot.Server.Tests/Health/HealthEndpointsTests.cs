using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Server.Tests.Fakes;

namespace ChatBot.Server.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_WhileIndexBuildsThenReady_Returns503Then200WithStatus()
    {
        var index = new FakePassageIndex(readyAtOnce: false);
        using var factory = new ChatBotServerFactory(index: index);
        var http = factory.CreateClient();

        using var building = await http.GetAsync("/healthz");
        var buildingJson = JsonNode.Parse(await building.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, building.StatusCode);
        Assert.Equal("building", buildingJson["status"]!.GetValue<string>());

        index.CompleteFirstBuild();
        HttpResponseMessage? ready = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            ready?.Dispose();
            ready = await http.GetAsync("/healthz");
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(25);
        }

        using (ready)
        {
            var json = JsonNode.Parse(await ready!.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("ready", json["status"]!.GetValue<string>());
            Assert.Equal(5, json["articleCount"]!.GetValue<int>());
            Assert.StartsWith("2026-11-21T09:30:00", json["builtAt"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("extractive", json["composer"]!.GetValue<string>());
            Assert.Equal("none", json["circuit"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task IndexWatcher_AfterStart_PollsForCorpusChanges()
    {
        using var factory = new ChatBotServerFactory(new Dictionary<string, string?> { ["Corpus:WatchIntervalSeconds"] = "1" });
        factory.CreateClient();

        for (var attempt = 0; attempt < 400 && factory.Index.Updates < 2; attempt++)
        {
            await Task.Delay(25);
        }

        Assert.True(factory.Index.Updates >= 2, "the watcher should call UpdateAsync again after the first build");
    }
}
