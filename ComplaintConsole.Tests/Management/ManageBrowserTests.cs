using ComplaintConsole.Tests.Board;
using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;
using NodaTime;

namespace ComplaintConsole.Tests.Management;

/// <summary>
/// In Debian's Chromium: a manager moves an overdue case from one operator to another while a supervisor watches the
/// board. (The operators' own desks are the desks feature's page; their live view of the move is tested there once it
/// has landed — see the report of issue 6.)
/// </summary>
public sealed class ManageBrowserTests : IClassFixture<BrowserFixture>, IClassFixture<ManageBrowserTests.App>
{
    private const string Token = "wall-screen-token-lobby-0123456789";
    private readonly BrowserFixture _browser;
    private readonly App _app;
    private readonly Uri _base;

    public ManageBrowserTests(BrowserFixture browser, App app)
    {
        _browser = browser;
        _app = app;
        _base = app.BaseUri;
    }

    public sealed class App : AppFactory
    {
        public App()
        {
            UseSystemClock = true;
            Settings["Board:WallboardTokens:0"] = Token;
            BaseUri = this.StartOnLoopback();
        }

        public Uri BaseUri { get; }
    }

    [Fact]
    public async Task Manager_ReassignsOverdueCaseToAnotherOperator_BoardFiguresChangeWithoutReload()
    {
        var now = BoardTestData.Now(_app);
        var c = await BoardTestData.AddCaseAsync(_app, "M10000001", now, Duration.FromDays(3), operatorUser: "operator1", overdueLevel: 1);
        var operator1 = await BoardTestData.UserIdAsync(_app, "operator1");
        var operator2 = await BoardTestData.UserIdAsync(_app, "operator2");
        var board = await SignedInPageAsync("supervisor", "/board", 1600, 1200);
        await board.WaitForSelectorAsync($"[data-desk='urban'] tr[data-operator-id='{operator1}'] td[data-claimed='1']");
        await board.EvaluateAsync("() => window.__sameDocument = true");
        var manage = await SignedInPageAsync("manager", "/manage", 1500, 1000);
        var row = manage.Locator($"tr[data-tracking-code='{c.TrackingCode}']");
        await row.WaitForAsync();

        await row.Locator("input[type=checkbox]").CheckAsync();
        await manage.ClickAsync("[data-action='reassign-selected']");
        var dialog = manage.Locator(".mud-dialog");
        await dialog.Locator(".mud-select").Nth(0).ClickAsync();
        await manage.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "میز خدمات شهری" }).ClickAsync();
        await manage.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await dialog.GetByText("بدون اپراتور (صف میز)").ClickAsync();
        await manage.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "علی رضایی" }).ClickAsync();
        await dialog.Locator("textarea").FillAsync("اپراتور اول امروز مرخصی است");
        await manage.ClickAsync("[data-action='confirm-reassign']");

        await manage.WaitForSelectorAsync($"tr[data-tracking-code='{c.TrackingCode}'][data-operator-id='{operator2}']");
        await board.WaitForSelectorAsync($"[data-desk='urban'] tr[data-operator-id='{operator2}'] td[data-claimed='1']");
        await board.WaitForSelectorAsync($"[data-desk='urban'] tr[data-operator-id='{operator1}'] td[data-claimed='0']");
        Assert.True(await board.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("board"), FullPage = true });
        var after = await BoardTestData.LoadAsync(_app, c.TrackingCode);
        Assert.Equal(operator2, after.AssignedOperatorId);
        Assert.Equal(c.ResponseDueAt, after.ResponseDueAt);
        Assert.Contains(after.Events, e => e.Kind == Domain.ComplaintEventKind.Reassigned && e.Reason == "اپراتور اول امروز مرخصی است");

        // From the list to the one case page: the move is in the timeline with who, from where, to where and why.
        await manage.ClickAsync($"tr[data-tracking-code='{c.TrackingCode}'] a[href='/cases/{c.TrackingCode}']");
        await manage.WaitForSelectorAsync("[data-event-kind='Reassigned'] [data-move]");
        await manage.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("manage-case-view"), FullPage = true });
        var move = await manage.InnerTextAsync("[data-event-kind='Reassigned']");
        Assert.Contains("علی رضایی", move);
        Assert.Contains("اپراتور اول امروز مرخصی است", move);
        Assert.Equal(1, await manage.Locator("[data-action='print']").CountAsync());
    }

    [Fact]
    public async Task Wallboard_OnAWallScreen_ShowsRoomReadableFiguresWithoutSigningIn()
    {
        var now = BoardTestData.Now(_app);
        await BoardTestData.AddCaseAsync(_app, "M10000002", now, Duration.FromDays(2), overdueLevel: 2);
        await BoardTestData.AddCaseAsync(_app, "M10000003", now, Duration.FromMinutes(40), agency: "tums");
        var page = await _browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });

        await page.GotoAsync(new Uri(_base, "/wallboard?token=" + Token).ToString());
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("[data-figure='queue'][data-scope='total'] .v");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("wallboard") });

        // 11vh on a 1080-pixel screen: over 110 px figures; desk rows at 5vh (54 px).
        var figure = await page.EvalOnSelectorAsync<double>("[data-figure='queue'][data-scope='total'] .v", "e => parseFloat(getComputedStyle(e).fontSize)");
        var deskCell = await page.EvalOnSelectorAsync<double>("[data-desk='urban'] td[data-figure='queue']", "e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(figure >= 100, $"total figures are {figure}px");
        Assert.True(deskCell >= 48, $"desk figures are {deskCell}px");
        Assert.DoesNotContain("M10000002", await page.InnerTextAsync("body"));
    }

    private Task<IPage> SignedInPageAsync(string user, string path, int width, int height) =>
        _browser.SignedInPageAsync(_base, user, path, width, height);
}
