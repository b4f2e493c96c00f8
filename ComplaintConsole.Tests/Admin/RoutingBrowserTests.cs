using ComplaintConsole.Tests.Desks;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Admin;

/// <summary>
/// In Debian's Chromium: an administrator moves the metro company to the health desk on /admin/routing; the confirm
/// step says only new complaints move, the row then shows the new desk and the open case stays on urban.
/// </summary>
public sealed class RoutingBrowserTests(BrowserFixture browser, AdminBrowserAppFactory app)
    : IClassFixture<BrowserFixture>, IClassFixture<AdminBrowserAppFactory>
{
    private readonly BrowserFixture _browser = browser;
    private readonly AdminBrowserAppFactory _app = app;

    [Fact]
    public async Task Admin_MovesMetroToHealthDesk_ConfirmsThenRowShowsNewDesk()
    {
        await TestComplaints.FileAsync(_app.Services, agencyCode: "tehran-metro", subject: "تأخیر در صدور کارت بلیت");
        var page = await SignedInPageAsync("admin", "/admin/routing");
        var row = page.Locator("tr[data-agency='tehran-metro']");
        await Assertions.Expect(row.Locator("[data-open-cases]")).ToHaveTextAsync("۱");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-routing"), FullPage = true });

        await row.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "میز سلامت و رفاه" }).ClickAsync();
        await row.Locator("[data-action='save']").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator("[data-only-new]")).ToContainTextAsync("فقط شکایت‌های جدید به میز جدید می‌رود");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-routing-confirm"), Animations = ScreenshotAnimations.Disabled });
        await dialog.Locator("[data-action='confirm']").ClickAsync();

        await Assertions.Expect(page.Locator("[data-saved]")).ToContainTextAsync("Saved: new complaints about Tehran Metro Operation Company go to Health and welfare desk.");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-desk", "health");
        await Assertions.Expect(row.Locator("[data-open-cases]")).ToHaveTextAsync("۰");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("admin-routing-saved") });
    }

    private async Task<IPage> SignedInPageAsync(string user, string path)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "fa-IR",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        await page.GotoAsync(new Uri(_app.BaseUri, "/login?returnUrl=" + Uri.EscapeDataString(path)).ToString());
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", ComplaintConsole.Identity.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(_app.BaseUri, path).ToString());
        await page.WaitForInteractiveAsync();
        return page;
    }
}
