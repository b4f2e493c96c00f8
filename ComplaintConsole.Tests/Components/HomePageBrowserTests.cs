using ComplaintConsole.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintConsole.Tests.Components;

public sealed class HomePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly AppFactory _app = new() { UseSystemClock = true };

    [Fact]
    public async Task Home_InChromium_RendersPersianRightToLeftWithSelfHostedFont()
    {
        var baseUri = _app.StartOnLoopback();
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });

        await page.GotoAsync(baseUri.ToString());
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("home"), FullPage = true });

        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains("ثبت شکایت", await page.InnerTextAsync("body"));
        var fontLoaded = await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px Vazirmatn'); }");
        Assert.True(fontLoaded);
    }

    public void Dispose() => _app.Dispose();
}
