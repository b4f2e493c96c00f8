using System.Text.RegularExpressions;
using ComplaintConsole.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Intake;

public sealed class BrowserIntakeAppFactory : IntakeAppFactory
{
    public BrowserIntakeAppFactory()
    {
        UseSystemClock = true;
    }
}

/// <summary>A citizen on a phone files a complaint on /complaint in Debian's Chromium, then finds it on /track.</summary>
public sealed partial class ComplaintBrowserTests(BrowserFixture browser, BrowserIntakeAppFactory app)
    : IClassFixture<BrowserFixture>, IClassFixture<BrowserIntakeAppFactory>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task FileOnPhone_ThenTrack_ShowsCodeDeadlineAndStatus()
    {
        var baseUri = app.StartOnLoopback();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Phone, IsMobile = true, HasTouch = true, Locale = "fa-IR", BaseURL = baseUri.ToString(),
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/complaint");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid=agency]").FillAsync("مترو");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "شرکت بهره‌برداری متروی تهران" }).ClickAsync();
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("input[data-testid=category]") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "تأخیر در رسیدگی" }).ClickAsync();
        await page.Locator("input[data-testid=subject]").FillAsync("تأخیر در صدور کارت بلیت");
        await page.Locator("textarea[data-testid=description]").FillAsync("بیش از دو ماه است که کارت بلیت من صادر نشده و کسی پاسخ نمی‌دهد.");
        await page.Locator("input[data-testid=name]").FillAsync("علی رضایی");
        await page.Locator("input[data-testid=national-code]").FillAsync("۰۰۱۲۳۴۵۶۷۹");
        await page.Locator("input[data-testid=mobile]").FillAsync("۰۹۱۲ ۱۲۳ ۴۵۶۷");
        await Assertions.Expect(page.Locator("[data-testid=deadline-preview]")).ToContainTextAsync("ساعت ۰۷:۳۰");
        // The app bar is fixed: scroll to the top so that the full-page shot shows it where a person sees it.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("intake-1-form-phone"), FullPage = true });

        await page.Locator("[data-testid=submit]").ClickAsync();
        var codeElement = page.Locator("[data-testid=tracking-code]");
        await Assertions.Expect(codeElement).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var formatted = (await codeElement.InnerTextAsync()).Trim();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("intake-2-receipt-phone"), FullPage = true });

        Assert.Matches(CodePattern(), formatted);
        var code = TrackingCodes.Normalize(formatted)!;
        Assert.Contains("ساعت ۰۷:۳۰", await page.Locator("[data-testid=receipt-deadline]").InnerTextAsync());
        var stored = await app.WithDbAsync(db => Task.FromResult(db.Complaints.Single(c => c.TrackingCode == code)));
        Assert.Equal("+989121234567", stored.Mobile);
        Assert.Equal(Domain.Channel.Web, stored.Channel);

        await page.GotoAsync("/track");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid=track-code]").FillAsync(formatted.ToLowerInvariant());
        await page.Locator("input[data-testid=track-proof]").FillAsync("09350000000");
        await page.Locator("[data-testid=track-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=track-not-found]")).ToBeVisibleAsync();
        await page.Locator("input[data-testid=track-proof]").FillAsync("+98 912 123 4567");
        await page.Locator("[data-testid=track-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=track-result]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("intake-3-track-phone"), FullPage = true });

        Assert.Equal(formatted, (await page.Locator("[data-testid=track-result-code]").InnerTextAsync()).Trim());
        Assert.Contains("در صف رسیدگی", await page.Locator("[data-testid=track-status]").InnerTextAsync());
        Assert.Contains("ثبت شد", await page.Locator("[data-testid=track-timeline]").InnerTextAsync());
        var viewportFits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
        Assert.True(viewportFits);
    }

    [GeneratedRegex("^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$")]
    private static partial Regex CodePattern();
}
