using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ChatBot.Server.Tests.Fakes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatBot.EndToEnd.Tests;

/// <summary>
/// Drives the real web chat page in Debian's headless Chromium against the server on a real loopback port:
/// a question typed and sent by keyboard, the cited answer, a citation opened, the disagreement region, hostile text
/// rendered inert, and an axe check. Screenshots go to TestResults/ for a person to look at.
/// </summary>
public sealed class WebChatPageTests : IAsyncLifetime, IDisposable
{
    private readonly ChatBotServerFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        (_playwright, _browser) = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Page_QuestionTypedByKeyboard_ShowsCitedAnswerDisagreementsAndPassesAxe()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1100 }, Locale = "en-GB" });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(_baseUrl);

        // Keyboard only: the page puts the focus in the send box; type and press Enter.
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.WaitForAsync();
        await Assertions.Expect(sendBox).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("How close did IS get to Palmyra?");
        await page.Keyboard.PressAsync("Enter");

        // The cited answer and the disagreement region (a labelled region, not colour alone).
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Where reports disagree" });
        await Assertions.Expect(region).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(region).ToContainTextAsync("Islamic State claimed");
        var answer = page.Locator(".webchat__text-content", new() { HasText = "four kilometres" }).First;
        await Assertions.Expect(answer).ToContainTextAsync("[two and a half miles] of the desert city [Palmyra]");
        var chips = page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
        await Assertions.Expect(chips.GetByRole(AriaRole.Button, new() { Name = "When did regime forces recapture Palmyra?" })).ToBeVisibleAsync();
        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "webchat-answer.png"), FullPage = true });

        // Open citation [1] by keyboard: the dialog shows outlet, headline, date and the exact quote.
        var marker = page.Locator("button.webchat__render-markdown__citation").First;
        await marker.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("The IS advance brought the militants to within four kilometres");
        await Assertions.Expect(dialog).ToContainTextAsync("Syrian regime struggles to sustain fight on divided fronts");
        await Assertions.Expect(dialog).ToContainTextAsync("9 December 2016");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "webchat-citation.png") });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // The Arabic quote (citation 4) runs right to left.
        await page.Locator("button.webchat__render-markdown__citation[value='cite:4']").First.ClickAsync();
        var arabic = page.Locator(".webchat__citation-modal-dialog blockquote p");
        await Assertions.Expect(arabic).ToContainTextAsync(FakeAnsweringService.ArabicQuote);
        await Assertions.Expect(arabic).ToHaveAttributeAsync("dir", "auto");
        Assert.Equal("rtl", await arabic.EvaluateAsync<string>("el => getComputedStyle(el).direction === 'rtl' || el.matches(':dir(rtl)') ? 'rtl' : 'ltr'"));
        await page.Keyboard.PressAsync("Escape");

        // Accessibility: no serious or critical axe violation on the page with an answer shown.
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        // The page received its activities over the Direct Line WebSocket stream, not by polling.
        Assert.Contains(_factory.Logs.Entries, e => e.Text.StartsWith("Direct Line stream opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_HostileArticleText_RendersInert()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_baseUrl);
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.WaitForAsync();
        await sendBox.FillAsync("hostile <script>window.__xss = 9</script><img src=x onerror=\"window.__xss = 10\">");
        await sendBox.PressAsync("Enter");

        var answer = page.Locator(".webchat__text-content", new() { HasText = "An article said" }).First;
        await Assertions.Expect(answer).ToContainTextAsync("<script>window.__xss = 1</script>", new() { Timeout = 20_000 });
        await page.Locator("button.webchat__render-markdown__citation").First.ClickAsync();
        await Assertions.Expect(page.Locator("dialog.webchat__citation-modal-dialog")).ToContainTextAsync("<script>window.__xss = 6</script>");

        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.Locator(".webchat__basic-transcript img[src='x'], .webchat__citation-modal-dialog img[src='x']").CountAsync());
        Assert.Equal(0, await page.Locator(".webchat__basic-transcript a[href^='javascript'], .webchat__citation-modal-dialog a[href^='javascript']").CountAsync());
        Assert.Equal(0, await page.Locator(".webchat__basic-transcript script").CountAsync());
    }

    [Fact]
    public async Task Page_StreamedAnswer_ShowsSentencesThenTheFinalAnswerReplacesThem()
    {
        // Two sentences a generative composer passed, then a final answer that differs (as after a fallback).
        _factory.Answering.StreamedSentences =
        [
            "Reuters reported heavy fighting near the ancient citadel [1].",
            "The agency said the road to Homs was cut [1].",
        ];
        _factory.Answering.StreamPause = TimeSpan.FromMilliseconds(1500);
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_baseUrl);
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.WaitForAsync();
        await sendBox.FillAsync("How close did IS get to Palmyra?");
        await sendBox.PressAsync("Enter");

        // The livestream: the first sentence, then both in the same bubble.
        var streamed = page.Locator(".webchat__text-content", new() { HasText = "ancient citadel" });
        await Assertions.Expect(streamed.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(streamed.First).ToContainTextAsync("[1]");
        await Assertions.Expect(page.Locator(".webchat__text-content", new() { HasText = "road to Homs" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(1, await streamed.CountAsync());

        // The final answer takes the stream's place: its own text and citations, the streamed sentences gone.
        var answer = page.Locator(".webchat__text-content", new() { HasText = "four kilometres" });
        await Assertions.Expect(answer.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(streamed).ToHaveCountAsync(0);
        Assert.Equal(1, await answer.CountAsync());
        await Assertions.Expect(page.Locator("button.webchat__render-markdown__citation").First).ToBeVisibleAsync();
        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "webchat-streamed.png"), FullPage = true });
    }

    private static string ArtifactDirectory =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));
}
