using System.Net;
using System.Text;
using ComplaintConsole.Data;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Board;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Management;

/// <summary>Who may open /board, /manage, the exports and the wallboard; what the CSV files contain.</summary>
public sealed class ManagementAccessTests : IClassFixture<ManagementAccessTests.App>
{
    public const string WallboardToken = "wall-screen-token-hall-1-0123456789";

    private readonly App _app;

    public ManagementAccessTests(App app) => _app = app;

    public sealed class App : AppFactory
    {
        public App() => Settings["Board:WallboardTokens:0"] = WallboardToken;
    }

    [Theory]
    [InlineData("supervisor", "/board", HttpStatusCode.OK)]
    [InlineData("manager", "/board", HttpStatusCode.OK)]
    [InlineData("admin", "/board", HttpStatusCode.OK)]
    [InlineData("operator1", "/board", HttpStatusCode.Redirect)]
    [InlineData("manager", "/manage", HttpStatusCode.OK)]
    [InlineData("supervisor", "/manage", HttpStatusCode.Redirect)]
    [InlineData("admin", "/manage", HttpStatusCode.Redirect)]
    [InlineData("operator1", "/manage", HttpStatusCode.Redirect)]
    [InlineData("manager", "/manage/export/cases.csv", HttpStatusCode.OK)]
    [InlineData("manager", "/manage/export/daily-summaries.csv", HttpStatusCode.OK)]
    [InlineData("supervisor", "/manage/export/cases.csv", HttpStatusCode.Redirect)]
    [InlineData("operator1", "/manage/export/daily-summaries.csv", HttpStatusCode.Redirect)]
    [InlineData("admin", "/manage/export/cases.csv", HttpStatusCode.Redirect)]
    public async Task Get_SignedInRole_IsAllowedOrSentToDenied(string user, string path, HttpStatusCode expected)
    {
        var client = await SignIn.ClientForAsync(_app, user);

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/denied", response.Headers.Location?.AbsolutePath);
        }
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/manage")]
    [InlineData("/manage/export/cases.csv")]
    [InlineData("/manage/export/daily-summaries.csv")]
    [InlineData("/manage/cases/T123/print")]
    public async Task Get_Anonymous_IsSentToLogin(string path)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("wrong-token-wrong-token-wrong", HttpStatusCode.Forbidden)]
    [InlineData(WallboardToken + "x", HttpStatusCode.Forbidden)]
    [InlineData(WallboardToken, HttpStatusCode.OK)]
    public async Task Wallboard_WithoutSigningIn_NeedsAConfiguredToken(string? token, HttpStatusCode expected)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(token is null ? "/wallboard" : "/wallboard?token=" + Uri.EscapeDataString(token));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Wallboard_ValidToken_ShowsFiguresButNoPersonalData()
    {
        var now = BoardTestData.Now(_app);
        await BoardTestData.AddCaseAsync(_app, "W10000001", now, Duration.FromHours(2), operatorUser: "operator1", complainantName: "نام محرمانه شاکی");
        var client = _app.CreateClient();

        var html = await client.GetStringAsync("/wallboard?token=" + WallboardToken);

        Assert.Contains("data-figure=\"queue\"", html);
        Assert.DoesNotContain("نام محرمانه شاکی", html);
        Assert.DoesNotContain("مریم احمدی", html); // operator1's display name
        Assert.DoesNotContain("W10000001", html);
    }

    [Fact]
    public async Task ExportCases_Manager_GetsUtf8BomPersianHeadersAndJalaliDates()
    {
        var now = BoardTestData.Now(_app);
        await BoardTestData.AddCaseAsync(_app, "X10000001", now, Duration.FromDays(3), overdueLevel: 2, subject: "عدم پاسخگویی, \"فوری\"");
        var client = await SignIn.ClientForAsync(_app, "manager");

        var response = await client.GetAsync("/manage/export/cases.csv?level=2");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("کد رهگیری,موضوع,دستگاه", text);
        var row = Assert.Single(text.Split("\r\n"), l => l.StartsWith("X10000001", StringComparison.Ordinal));
        Assert.Contains("\"عدم پاسخگویی, \"\"فوری\"\"\"", row);
        Assert.Contains("۱۴۰۵/", row);
    }

    [Fact]
    public async Task ExportDailySummaries_Manager_GetsJalaliDatedRows()
    {
        var now = BoardTestData.Now(_app);
        await BoardTestData.AddCaseAsync(_app, "S10000001", now, Duration.FromMinutes(10));
        var urban = await BoardTestData.DeskIdAsync(_app, "urban");
        int calendarId, receivedToday;
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync())
        {
            calendarId = await db.Desks.Where(d => d.Id == urban).Select(d => d.CalendarId).SingleAsync();
            var midnight = Instant.FromUtc(2026, 12, 4, 20, 30); // 1405/09/14 00:00 in Tehran
            receivedToday = await db.Complaints.CountAsync(c => c.DeskId == urban && c.ReceivedAt >= midnight);
        }

        // What the scheduler stores at closing is what the export carries.
        await _app.Services.GetRequiredService<DailySummaryService>().TakeAsync(calendarId, new LocalDate(2026, 12, 5));
        var client = await SignIn.ClientForAsync(_app, "manager");

        var bytes = await client.GetByteArrayAsync("/manage/export/daily-summaries.csv?from=۱۴۰۵/۰۹/۰۱&to=1405/09/14");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("تاریخ,میز,دریافتی,پاسخ داده شده,در آستانهٔ تأخیر,معوق,سطح ۱", lines[0]);
        var urbanToday = Assert.Single(lines.Skip(1), l => l.StartsWith("۱۴۰۵/۰۹/۱۴,میز خدمات شهری,", StringComparison.Ordinal));
        Assert.True(receivedToday >= 1);
        Assert.StartsWith($"۱۴۰۵/۰۹/۱۴,میز خدمات شهری,{ComplaintConsole.Calendar.Jalali.ToPersianDigits(receivedToday)},", urbanToday);
    }

    [Fact]
    public async Task ExportDailySummaries_BadDate_AnswersProblemInPersian()
    {
        var client = await SignIn.ClientForAsync(_app, "manager");

        var response = await client.GetAsync("/manage/export/daily-summaries.csv?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("۱۴۰۵/۰۹/۱۴", await response.Content.ReadAsStringAsync());
    }
}
