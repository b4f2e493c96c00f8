using Bunit;
using ComplaintConsole.Board;
using ComplaintConsole.Data;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Board;

/// <summary>The board's daily summaries panel over a real SQLite database: what the scheduler stored at closing.</summary>
public sealed class DailySummariesPanelTests(AppFactory app) : ComponentTestContext, IClassFixture<AppFactory>
{
    [Fact]
    public async Task StoredSummary_ShowsTheDaysFiguresPerDesk_WithExportOnlyForManagers()
    {
        var now = BoardTestData.Now(app);
        await BoardTestData.AddCaseAsync(app, "D10000001", now, Duration.FromMinutes(30));
        await BoardTestData.AddCaseAsync(app, "D10000002", now, Duration.FromMinutes(20));
        await BoardTestData.AddCaseAsync(app, "D10000003", now, Duration.FromDays(3), overdueLevel: 2);
        var urban = await BoardTestData.DeskIdAsync(app, "urban");
        int calendarId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync())
        {
            calendarId = await db.Desks.Where(d => d.Id == urban).Select(d => d.CalendarId).SingleAsync();
        }

        var today = new LocalDate(2026, 12, 5);
        await app.Services.GetRequiredService<DailySummaryService>().TakeAsync(calendarId, today);
        Services.AddSingleton(app.Services.GetRequiredService<DailySummaryService>());

        var supervisorView = Render<DailySummariesPanel>();
        var managerView = Render<DailySummariesPanel>(p => p.Add(x => x.CanExport, true));

        var row = supervisorView.WaitForElement($"tr[data-summary-date='2026-12-05'][data-desk-id='{urban}']");
        Assert.Equal("۲", row.QuerySelector("[data-figure='received']")!.TextContent);
        Assert.Equal("۱", row.QuerySelector("[data-figure='overdue']")!.TextContent);
        Assert.Contains("۱۴ آذر ۱۴۰۵", row.TextContent);
        Assert.Empty(supervisorView.FindAll("[data-action='export-summaries']"));
        Assert.Single(managerView.FindAll("[data-action='export-summaries']"));
    }
}
