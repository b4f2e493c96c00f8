using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Components;

/// <summary>The app as `dotnet run` starts it: the demo world with a month of complaints up to now.</summary>
public sealed class DemoWorldAppFactory : AppFactory
{
    public DemoWorldAppFactory()
    {
        UseSystemClock = true;
        Settings["Database:SeedDemoCases"] = "true";
    }
}

/// <summary>What someone picking the app up sees first, as an operator, a supervisor and an inspection manager.</summary>
public sealed class DemoWorldBrowserTests(BrowserFixture browser, DemoWorldAppFactory app)
    : IClassFixture<BrowserFixture>, IClassFixture<DemoWorldAppFactory>
{
    [Fact]
    public async Task DemoWorld_DeskBoardAndManagement_ShowTheMonthOfComplaints()
    {
        var baseUri = app.StartOnLoopback();

        var desk = await browser.SignedInPageAsync(baseUri, "operator1", "/desk");
        var start = desk.Locator("[data-start-shift='urban']");
        var queue = desk.Locator("[data-panel='queue']");
        await start.Or(queue).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        if (await start.CountAsync() > 0)
        {
            await start.ClickAsync();
        }

        await desk.WaitForSelectorAsync("[data-panel='queue'] tbody tr[data-tracking-code]");
        await desk.WaitForSelectorAsync("[data-panel='mine'] [data-tracking-code]");
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("demo-desk") });

        var board = await browser.SignedInPageAsync(baseUri, "supervisor", "/board", 1600, 1000);
        await board.WaitForSelectorAsync("[data-desk='urban']");
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("demo-board"), FullPage = true });
        var queueFigure = await board.InnerTextAsync("[data-figure='queue'][data-scope='total'] .figure-value");

        var manage = await browser.SignedInPageAsync(baseUri, "manager", "/manage", 1500, 1000);
        await manage.WaitForSelectorAsync("tr[data-tracking-code][data-level]");
        await manage.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("demo-manage") });

        // Worst first: the start-up sweep flagged the demo month's unanswered cases, and they lead the list.
        Assert.NotEqual("۰", queueFigure.Trim());
        var firstLevel = await manage.Locator("tr[data-tracking-code][data-level]").First.GetAttributeAsync("data-level");
        Assert.True(int.Parse(firstLevel!, System.Globalization.CultureInfo.InvariantCulture) > 0, $"first row's level is {firstLevel}");
    }
}
