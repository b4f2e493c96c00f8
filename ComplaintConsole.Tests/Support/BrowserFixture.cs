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

public static class PageExtensions
{
    /// <summary>
    /// A new browser context (its own cookies) signed in as a demo user through the real /login form, on
    /// <paramref name="path"/> once Blazor has wired it. Persian locale; the viewport of a desk screen unless given.
    /// </summary>
    public static async Task<IPage> SignedInPageAsync(
        this BrowserFixture browser, Uri baseUri, string user, string path, int width = 1440, int height = 900)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fa-IR",
            BaseURL = baseUri.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync("/login?returnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", ComplaintConsole.Identity.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(baseUri, path).ToString());
        await page.WaitForInteractiveAsync();
        return page;
    }

    /// <summary>Waits until Blazor wired the page: the layout sets data-interactive on body after the first interactive render.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("body[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 15_000 });
}
