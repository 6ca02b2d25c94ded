using System.Net.Http.Json;
using ChatBot.Server.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Logging;

public sealed class LoggingHygieneTests
{
    private const string Question = "Which secret-question-7f3a did the monitor cite near Palmyra?";
    private const string EditorKey = "editor-key-never-logged-9d1c";

    [Fact]
    public async Task Requests_QuestionAndEditorKey_NeverLoggedAtInformationOrAbove()
    {
        using var factory = new ChatBotServerFactory(new Dictionary<string, string?> { ["Editor:Enabled"] = "true", ["Editor:Key"] = EditorKey });
        var http = factory.CreateClient();

        (await http.PostAsJsonAsync("/api/ask", new { question = Question })).Dispose();
        var chat = new DirectLineClient(http);
        await chat.StartAsync(EditorKey);
        await chat.AskAsync(Question, "c1");
        await chat.WaitForAsync(DirectLineClient.IsAnswer);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        wrongKey.Headers.Add("X-ChatBot-Editor-Key", EditorKey + "x");
        (await http.SendAsync(wrongKey)).Dispose();

        var entries = factory.Logs.Entries.ToList();
        // The capture works: the question is there at Trace, and answers are logged at Information.
        Assert.Contains(entries, e => e.Level == LogLevel.Trace && e.Text.Contains("secret-question-7f3a", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Information && e.Text.Contains("citations", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Information && e.Text.Contains("secret-question-7f3a", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Text.Contains(EditorKey, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Text.Contains(chat.Token, StringComparison.Ordinal));
    }
}
