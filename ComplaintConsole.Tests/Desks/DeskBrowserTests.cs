using System.Diagnostics;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Desks;

/// <summary>Two operators on desk urban in two Chromium contexts, against the app on a real port.</summary>
public sealed class DeskBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly AppFactory _app = new() { UseSystemClock = true };

    [Fact]
    public async Task Desk_TwoOperators_NewComplaintAppearsOnBothWithinASecond_ClaimRemovesItFromTheOther()
    {
        var baseUri = _app.StartOnLoopback();
        var waiting = await TestComplaints.FileManyAsync(_app.Services, 3, subject: "عدم پاسخگویی منطقهٔ ۶ شهرداری به درخواست مجوز");
        await TestComplaints.FileAsync(_app.Services, agencyCode: "tehran-metro", subject: "ازدحام و تأخیر قطارهای خط ۴ مترو");
        var one = await OpenDeskAsync(baseUri, "operator1");
        var two = await OpenDeskAsync(baseUri, "operator2");

        var watch = Stopwatch.StartNew();
        var c = await TestComplaints.FileAsync(_app.Services, agencyCode: "tehran-municipality", subject: "آب‌گرفتگی معبر پس از بارندگی در خیابان ولیعصر");
        var row = $"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}']";
        await Task.WhenAll(
            one.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { Timeout = 5_000 }),
            two.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { Timeout = 5_000 }));
        var seenAfter = watch.Elapsed;
        await one.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-new-arrival") });

        await one.ClickAsync($"{row} button[data-action='claim']");
        await two.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 5_000 });
        await one.WaitForSelectorAsync($"[data-panel='mine'] [data-tracking-code='{c.TrackingCode}']", new PageWaitForSelectorOptions { Timeout = 5_000 });
        await one.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-claimed") });
        await two.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-other-operator") });

        Assert.True(seenAfter < TimeSpan.FromSeconds(1), $"seen after {seenAfter.TotalMilliseconds:0} ms");
        Assert.Equal(0, await one.Locator(row).CountAsync());
        Assert.Equal(waiting.Count + 1, await two.Locator("[data-panel='queue'] tbody tr[data-tracking-code]").CountAsync());
    }

    [Fact]
    public async Task Desk_Operator_ShortcutOpensRespondDialog_ValidatesInPersian_AndCaseShowsTimeline()
    {
        var baseUri = _app.StartOnLoopback();
        var c = await TestComplaints.FileAsync(_app.Services, nationalCode: "0012345678", mobile: "+989121234567", subject: "برخورد نامناسب کارمند باجهٔ پرداخت");
        var page = await OpenDeskAsync(baseUri, "operator1");
        await page.ClickAsync($"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}'] button[data-action='claim']");
        await page.WaitForSelectorAsync($"[data-panel='mine'] [data-tracking-code='{c.TrackingCode}']");

        await page.Keyboard.PressAsync("Alt+KeyR");
        await page.WaitForSelectorAsync(".mud-dialog");
        await page.ClickAsync(".mud-dialog [data-action='submit']");
        await page.WaitForSelectorAsync("text=این بخش را پر کنید.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-respond-dialog") });
        await page.FillAsync(".mud-dialog textarea", "با شهروند تماس گرفته شد و پیگیری از منطقه ۶ آغاز شد.");
        await page.ClickAsync(".mud-dialog .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item >> nth=0");
        await page.ClickAsync(".mud-dialog [data-action='submit']");
        await page.WaitForSelectorAsync($"[data-panel='mine'] [data-tracking-code='{c.TrackingCode}'] .status-responded");

        await page.GotoAsync(new Uri(baseUri, $"/cases/{c.TrackingCode}").ToString());
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("[data-event-kind='Responded']");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("case-view"), FullPage = true });

        Assert.Equal("•••••••678", (await page.InnerTextAsync("[data-field='national-code']")).Trim());
        Assert.Equal(["Received", "Claimed", "Responded"], await page.Locator("[data-event-kind]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.eventKind)"));
    }

    public void Dispose() => _app.Dispose();

    private async Task<IPage> OpenDeskAsync(Uri baseUri, string user)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            BaseURL = baseUri.ToString(),
            Locale = "fa-IR",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", ComplaintConsole.Identity.DemoAccounts.Password);
        await page.ClickAsync("button[type='submit']");
        await page.WaitForURLAsync("**/desk");
        await page.WaitForInteractiveAsync();
        var start = page.Locator("[data-start-shift='urban']");
        var console = page.Locator("[data-panel='queue']");
        await start.Or(console).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        await console.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        return page;
    }
}
