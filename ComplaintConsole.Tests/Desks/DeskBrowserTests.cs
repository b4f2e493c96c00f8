using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintConsole.Intake;
using ComplaintConsole.Tests.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Desks;

/// <summary>The app for the desk browser tests: system clock, an API key for the IVR, started once per class.</summary>
public sealed class DeskBrowserAppFactory : IntakeAppFactory
{
    public DeskBrowserAppFactory()
    {
        UseSystemClock = true;
    }
}

/// <summary>Operators on desk urban in Chromium contexts, against the app on a real port.</summary>
public sealed class DeskBrowserTests(BrowserFixture browser, DeskBrowserAppFactory app)
    : IClassFixture<BrowserFixture>, IClassFixture<DeskBrowserAppFactory>
{
    private readonly DeskBrowserAppFactory _app = app;

    [Fact]
    public async Task Desk_TwoOperators_NewComplaintAppearsOnBothWithinASecond_ClaimRemovesItFromTheOther()
    {
        var baseUri = _app.StartOnLoopback();
        using var ivr = new HttpClient { BaseAddress = baseUri };
        ivr.DefaultRequestHeaders.Add("X-Api-Key", IntakeAppFactory.SubmitKey);
        // The IVR has filed before: the first call of the morning is not what the second is about.
        using (var first = await ivr.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), Guid.NewGuid().ToString())))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, first.StatusCode);
        }

        var waiting = await TestComplaints.FileManyAsync(_app.Services, 3, subject: "عدم پاسخگویی منطقهٔ ۶ شهرداری به درخواست مجوز");
        await TestComplaints.FileAsync(_app.Services, agencyCode: "tehran-metro", subject: "ازدحام و تأخیر قطارهای خط ۴ مترو");
        var one = await OpenDeskAsync(baseUri, "operator1");
        var two = await OpenDeskAsync(baseUri, "operator2");
        foreach (var w in waiting)
        {
            await two.WaitForSelectorAsync($"[data-panel='queue'] tr[data-tracking-code='{w.TrackingCode}']");
        }

        var queueBefore = await two.Locator("[data-panel='queue'] tbody tr[data-tracking-code]").CountAsync();

        // The phone IVR files through the HTTP API; both desks must show it without a reload.
        var watch = Stopwatch.StartNew();
        using var posted = await ivr.SendAsync(IntakeAppFactory.Post(
            IntakeAppFactory.ValidBody(agency: "tehran-municipality", subject: "آب‌گرفتگی معبر پس از بارندگی در خیابان ولیعصر"),
            Guid.NewGuid().ToString()));
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var trackingCode = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var row = $"[data-panel='queue'] tr[data-tracking-code='{trackingCode}']";
        await Task.WhenAll(
            one.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { Timeout = 5_000 }),
            two.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { Timeout = 5_000 }));
        var seenAfter = watch.Elapsed;
        await one.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-new-arrival") });

        await one.ClickAsync($"{row} button[data-action='claim']");
        await two.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 5_000 });
        await one.WaitForSelectorAsync($"[data-panel='mine'] [data-tracking-code='{trackingCode}']", new PageWaitForSelectorOptions { Timeout = 5_000 });
        await one.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-claimed") });
        await two.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-other-operator") });

        Assert.True(seenAfter < TimeSpan.FromSeconds(1), $"seen after {seenAfter.TotalMilliseconds:0} ms");
        Assert.Equal(0, await one.Locator(row).CountAsync());
        Assert.Equal(queueBefore, await two.Locator("[data-panel='queue'] tbody tr[data-tracking-code]").CountAsync());
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

    [Fact]
    public async Task PhoneIntake_OperatorFilesForCaller_ReadsCodeBack_AndTheCaseArrivesOnTheDesk()
    {
        var baseUri = _app.StartOnLoopback();
        var page = await OpenDeskAsync(baseUri, "operator2");

        // Alt+P navigates inside the circuit (history API): wait for the form, not for a page load that never comes.
        await page.Keyboard.PressAsync("Alt+KeyP");
        await page.WaitForSelectorAsync("[data-action='back-to-desk']");
        Assert.EndsWith("/desk/phone", page.Url, StringComparison.Ordinal);
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid=agency]").FillAsync("شهرداری");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "شهرداری تهران" }).First.ClickAsync();
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("input[data-testid=category]") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "تأخیر در رسیدگی" }).ClickAsync();
        await page.Locator("input[data-testid=subject]").FillAsync("قطع نشدن صدای کارگاه ساختمانی در شب");
        await page.Locator("textarea[data-testid=description]").FillAsync("تماس‌گیرنده می‌گوید کارگاه ساختمانی کنار منزلش تا نیمه‌شب کار می‌کند.");
        await page.Locator("input[data-testid=name]").FillAsync("زهرا کریمی");
        await page.Locator("input[data-testid=national-code]").FillAsync("0012345679");
        await page.Locator("input[data-testid=mobile]").FillAsync("09351234567");
        await page.Locator("[data-testid=submit]").ClickAsync();
        var code = page.Locator("[data-testid=tracking-code]");
        await Assertions.Expect(code).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-phone-intake-receipt"), FullPage = true });
        var trackingCode = TrackingCodes.Normalize((await code.InnerTextAsync()).Trim())!;

        var stored = await _app.WithDbAsync(db => Task.FromResult(db.Complaints.Single(c => c.TrackingCode == trackingCode)));
        var operatorId = await TestComplaints.UserIdAsync(_app.Services, "operator2");
        Assert.Equal(ComplaintConsole.Domain.Channel.Phone, stored.Channel);
        Assert.Equal(operatorId, stored.ChannelSource);
        await Assertions.Expect(page.Locator(".read-back")).ToBeVisibleAsync();

        await page.ClickAsync("[data-action='back-to-desk']");
        await page.WaitForSelectorAsync($"[data-panel='queue'] tr[data-tracking-code='{trackingCode}']", new PageWaitForSelectorOptions { Timeout = 15_000 });
    }

    private async Task<IPage> OpenDeskAsync(Uri baseUri, string user)
    {
        var page = await browser.SignedInPageAsync(baseUri, user, "/desk");
        var start = page.Locator("[data-start-shift='urban']");
        var console = page.Locator("[data-panel='queue']");
        await start.Or(console).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        await console.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.WaitForSelectorAsync("body[data-shortcuts='on']");
        return page;
    }
}
