using Microsoft.Playwright;

namespace ChatBot.EndToEnd.Tests;

/// <summary>Debian's Chromium, headless, as the browser tests drive it (never a downloaded browser).</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: install Debian's chromium (apt-get install -y chromium); test.sh does this.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
