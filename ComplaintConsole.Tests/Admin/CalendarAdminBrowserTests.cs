using ComplaintConsole.Tests.Desks;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Admin;

/// <summary>The app for the administration browser tests: on a real loopback port, the SLA scheduler off.</summary>
public sealed class AdminBrowserAppFactory : AppFactory
{
    public AdminBrowserAppFactory()
    {
        Settings["Sla:SchedulerEnabled"] = "false";
        BaseUri = this.StartOnLoopback();
    }

    public Uri BaseUri { get; }
}

/// <summary>
/// In Debian's Chromium, against the app on a real port with the fake clock at Saturday 1405/09/14 10:00 Tehran: an
/// administrator declares tomorrow closed on tehran-hq while operator1 of desk urban (on that calendar) watches a case
/// due tomorrow 07:30; the desk shows the new deadline, Monday 07:30, without a reload.
/// </summary>
public sealed class CalendarAdminBrowserTests(BrowserFixture browser, AdminBrowserAppFactory app)
    : IClassFixture<BrowserFixture>, IClassFixture<AdminBrowserAppFactory>
{
    private readonly BrowserFixture _browser = browser;
    private readonly AdminBrowserAppFactory _app = app;

    [Fact]
    public async Task Admin_DeclaresTomorrowClosed_OperatorDeskShowsNewDeadlineWithoutReload()
    {
        var c = await TestComplaints.FileAsync(_app.Services, agencyCode: "tehran-municipality", subject: "تأخیر در صدور پروانهٔ کسب");
        var desk = await SignedInPageAsync("operator1", "/desk", 1440, 900);
        var start = desk.Locator("[data-start-shift='urban']");
        var queue = desk.Locator("[data-panel='queue']");
        await start.Or(queue).First.WaitForAsync();
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        var due = $"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}'] td.due";
        await desk.Locator(due, new() { HasTextString = "۱۴۰۵/۰۹/۱۵ ۰۷:۳۰" }).WaitForAsync();
        await desk.EvaluateAsync("() => window.__sameDocument = true");
        var admin = await SignedInPageAsync("admin", "/admin/calendars", 1440, 1000);
        await admin.WaitForSelectorAsync("[data-calendar-code='tehran-hq'] [data-panel='closures']");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-calendars"), FullPage = true });

        await admin.ClickAsync("[data-action='declare-closure']");
        var dialog = admin.Locator(".mud-dialog");
        await dialog.Locator("[data-action='tomorrow']").ClickAsync();
        await dialog.Locator("textarea").FillAsync("آلودگی شدید هوا به اعلام استانداری تهران");
        await dialog.Locator("[data-action='preview']").ClickAsync();
        var preview = dialog.Locator("[data-preview-count]");
        await preview.WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-closure-preview"), Animations = ScreenshotAnimations.Disabled });
        var previewCount = await preview.GetAttributeAsync("data-preview-count");
        await dialog.Locator("[data-action='confirm']").ClickAsync();

        await admin.WaitForSelectorAsync("[data-saved]");
        await admin.WaitForSelectorAsync("[data-panel='closures'] tr[data-closure-date='2026-12-06'][data-closure-id]");
        await desk.Locator(due, new() { HasTextString = "۱۴۰۵/۰۹/۱۶ ۰۷:۳۰" }).WaitForAsync(new() { Timeout = 5_000 });
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-calendars-after-closure") });
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("desk-after-closure") });
        Assert.True(await desk.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        // The retime's live event carries only the new timing: the row keeps its subject and kind.
        var rowText = await desk.InnerTextAsync($"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}']");
        Assert.Contains("تأخیر در صدور پروانهٔ کسب", rowText);
        Assert.Contains("شکایت", rowText);
        Assert.DoesNotContain("Kind_", rowText);
        Assert.Equal("1", previewCount);
        Assert.Contains("۱", await admin.InnerTextAsync("[data-saved]"));
    }

    [Fact]
    public async Task Admin_ImportsHolidayCsv_BadFileImportsNothing_GoodFileAddsAndSkips()
    {
        var admin = await SignedInPageAsync("admin", "/admin/calendars", 1440, 1000);
        await admin.ClickAsync("[data-field='calendar']");
        await admin.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "شهرستان‌های استان تهران" }).ClickAsync();
        await admin.WaitForSelectorAsync("[data-calendar-code='tehran-counties']");
        var upload = admin.Locator("[data-panel='holidays'] input[type=file]");
        const string Header = "gregorian_date,jalali_date,name_fa,name_en,kind,confidence\n";

        await upload.SetInputFilesAsync(Csv("bad.csv", Header + "2027-01-20,1405/10/31,روز آزمایشی,Test day,solar,official\n"));
        var error = admin.Locator("[data-error]");
        await error.WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-import-error") });
        Assert.Contains("سطر ۲", await error.InnerTextAsync());
        Assert.Contains("Line 2", await error.InnerTextAsync());
        Assert.Equal(0, await admin.Locator("tr[data-holiday-date='2027-01-20']").CountAsync());

        await upload.SetInputFilesAsync(Csv("good.csv", Header
            + "2027-01-20,1405/10/30,روز آزمایشی,Test day,solar,official\n"
            + "2027-01-24,1405/11/04,ولادت حضرت قائم (نیمه شعبان),Birthday of Imam Mahdi (15 Sha'ban),lunar,official\n"));
        var dialog = admin.Locator(".mud-dialog");
        await dialog.Locator("[data-preview-detail]").WaitForAsync();
        Assert.Contains("۱ تعطیلی جدید", await dialog.Locator("[data-preview-detail]").InnerTextAsync());
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-import-preview"), Animations = ScreenshotAnimations.Disabled });
        await dialog.Locator("[data-action='confirm']").ClickAsync();

        await admin.WaitForSelectorAsync("[data-saved]");
        Assert.Contains("۱ سطر از پیش ثبت شده", await admin.InnerTextAsync("[data-saved]"));
        Assert.Equal(1, await admin.Locator("[data-panel='holidays'] tr[data-holiday-date='2027-01-20'][data-holiday-id]").CountAsync());

        await admin.ClickAsync("[data-action='add-schedule']");
        await admin.Locator(".mud-dialog [data-day='Thursday']").WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-schedule-dialog"), Animations = ScreenshotAnimations.Disabled });
        await admin.ClickAsync(".mud-dialog [data-action='cancel']");
        await admin.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await admin.ClickAsync("tr[data-holiday-date='2027-01-20'] [data-action='move-holiday']");
        await admin.Locator(".mud-dialog[data-dialog='holiday'], .mud-dialog [data-action='preview']").First.WaitForAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-move-holiday-dialog"), Animations = ScreenshotAnimations.Disabled });
    }

    private static FilePayload Csv(string name, string text) =>
        new() { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    private Task<IPage> SignedInPageAsync(string user, string path, int width, int height) =>
        _browser.SignedInPageAsync(_app.BaseUri, user, path, width, height);
}
