using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once per test collection. Screenshots go to
/// <see cref="ScreenshotDirectory"/> (TestResults/screenshots) so a person can look at them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.GetFullPath(
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "TestResults", "screenshots"));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotDirectory, name + ".png");
}

/// <summary>Waits until Blazor wired the page: the layout sets data-interactive on body after the first interactive render.</summary>
public static class PageExtensions
{
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("body[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 15_000 });
}
