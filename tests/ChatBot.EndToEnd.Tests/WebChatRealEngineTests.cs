using Microsoft.Playwright;

namespace ChatBot.EndToEnd.Tests;

/// <summary>
/// The web chat page in headless Chromium against the real engine answering from the seed corpus: what a newcomer
/// sees after the README's first command.
/// </summary>
public sealed class WebChatRealEngineTests : IAsyncLifetime, IDisposable
{
    private static readonly string ArtifactDirectory = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults");
    private readonly RealEngineServerFactory _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        await _server.StartAsync(TimeSpan.FromSeconds(30));
        (_playwright, _browser) = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Page_DisputedFigureAsked_ShowsBothClaimantsInTheDisagreementRegionWithCitations()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 1000 }, Locale = "en-GB" });
        await page.GotoAsync(_server.BaseAddress.ToString());
        var sendBox = page.Locator("[data-id=\"webchat-sendbox-input\"]");
        await sendBox.WaitForAsync();
        await page.Keyboard.TypeAsync("How many Hezbollah fighters were killed near Deir ez-Zor?");
        await page.Keyboard.PressAsync("Enter");

        var region = page.GetByRole(AriaRole.Region, new() { Name = "Where reports disagree" });
        await Assertions.Expect(region).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(region).ToContainTextAsync("a commander speaking to Reuters");
        await Assertions.Expect(region).ToContainTextAsync("at least 10 Hezbollah fighters");
        await Assertions.Expect(region).ToContainTextAsync("more than 50 pro-Assad troops");
        await Assertions.Expect(region.Locator("button.webchat__render-markdown__citation")).ToHaveCountAsync(2);
        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, "webchat-real-engine.png"), FullPage = true });

        await region.Locator("button.webchat__render-markdown__citation").First.ClickAsync();
        var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("EA WorldView");
        await Assertions.Expect(dialog).ToContainTextAsync("Syria Daily: Regime and Allies Try to Push Back ISIS Counter-Attack in East");
    }
}
