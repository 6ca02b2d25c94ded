using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Server.Tests.Fakes;

namespace ChatBot.Server.Tests.Api;

public sealed class AskEndpointsTests : IDisposable
{
    private static readonly string[] EarlierTurns = ["What did IS seize near Palmyra?"];
    private readonly ChatBotServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Ask_Question_ReturnsContractJson()
    {
        var http = _factory.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/ask", new { question = "How close did IS get to Palmyra?", turns = EarlierTurns });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", _factory.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Text)));
        Assert.Equal("How close did IS get to Palmyra?", json["question"]!.GetValue<string>());
        Assert.StartsWith("The New Arab reported", json["answer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("extractive", json["mode"]!.GetValue<string>());
        Assert.False(json["refused"]!.GetValue<bool>());
        Assert.True(json.ContainsKey("refusalReason"));
        Assert.Null(json["refusalReason"]);
        var first = json["citations"]![0]!.AsObject();
        Assert.Equal(1, first["n"]!.GetValue<int>());
        Assert.Equal("newarab-divided-fronts", first["articleId"]!.GetValue<string>());
        Assert.Equal("2016-12-09", first["published"]!.GetValue<string>());
        Assert.True(first.ContainsKey("url"));
        Assert.Null(first["url"]);
        Assert.Equal("armed-group-media", json["citations"]![2]!["sourceKind"]!.GetValue<string>());
        Assert.Equal("conflict", json["disputes"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(3, json["disputes"]![0]!["positions"]![0]!["citation"]!.GetValue<int>());
        Assert.Equal("When did regime forces recapture Palmyra?", json["followUps"]![0]!.GetValue<string>());
        Assert.Equal("0123456789ab", json["promptVersion"]!.GetValue<string>());
        Assert.Equal("disagreements", json["parts"]![1]!["kind"]!.GetValue<string>());
        Assert.Equal(["What did IS seize near Palmyra?"], Assert.Single(_factory.Answering.Requests).Turns);
    }

    [Fact]
    public async Task Ask_MalformedJson_Returns400ProblemNamingTheProblem()
    {
        var http = _factory.CreateClient();

        using var response = await http.PostAsync("/api/ask", new StringContent("{\"question\": \"Palmyra?\",", Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The request body is not valid JSON.", problem["title"]!.GetValue<string>());
        Assert.Contains("line 1", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Palmyra", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WrongTypeForQuestion_Returns400()
    {
        var http = _factory.CreateClient();

        using var response = await http.PostAsync("/api/ask", new StringContent("{\"question\": 42}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OversizedBody_Returns413()
    {
        var http = _factory.CreateClient();
        var question = new string('a', 70 * 1024);

        using var response = await http.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Answering.Requests);
    }

    [Fact]
    public async Task Ask_EmptyQuestion_ReturnsServiceRefusal()
    {
        var http = _factory.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/ask", new { question = "  " });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json["refused"]!.GetValue<bool>());
        Assert.Equal("The question is empty.", json["refusalReason"]!.GetValue<string>());
        Assert.Empty(json["citations"]!.AsArray());
    }
}
