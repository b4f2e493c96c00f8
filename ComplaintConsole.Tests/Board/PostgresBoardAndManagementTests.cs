using ComplaintConsole.Board;
using ComplaintConsole.Management;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Board;

/// <summary>
/// The board's grouped raw SQL and the management list's Persian search on PostgreSQL. The clock is Saturday 10:00
/// Tehran (the week's first day); the tests share the database, so the board is compared with itself before the cases.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresBoardAndManagementTests(PostgresBoardAndManagementTests.App app) : IClassFixture<PostgresBoardAndManagementTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_OnPostgres_CountsQueueClaimsOverdueAnsweredDeadlinesAndArrivals()
    {
        var board = app.Services.GetRequiredService<IBoardService>();
        var now = BoardTestData.Now(app);
        var before = await board.GetSnapshotAsync(Ct);

        // Received Wednesday 10:00, due today 07:30: one answered on Wednesday (in time), one still waiting (flagged).
        var inTime = await BoardTestData.AddCaseAsync(app, "PB0000001", now, Duration.FromDays(3), operatorUser: "operator1");
        await AnswerAsync(inTime.Id, "operator1", now - Duration.FromDays(3) + Duration.FromHours(1));
        await BoardTestData.AddCaseAsync(app, "PB0000002", now, Duration.FromDays(3), overdueLevel: 1);
        // Received today 09:00 and answered at 09:30; and one for the health desk ten minutes ago.
        var today = await BoardTestData.AddCaseAsync(app, "PB0000003", now, Duration.FromHours(1), operatorUser: "operator2");
        await AnswerAsync(today.Id, "operator2", now - Duration.FromMinutes(30));
        await BoardTestData.AddCaseAsync(app, "PB0000004", now, Duration.FromMinutes(10), agency: "tums");

        var after = await board.GetSnapshotAsync(Ct);

        GroupFigures Urban(BoardSnapshot s) => s.Desks.Single(d => d.Figures.Key == "urban").Figures;
        Assert.Equal(1, Urban(after).QueueDepth - Urban(before).QueueDepth);
        Assert.Equal(2, Urban(after).Claimed - Urban(before).Claimed);
        Assert.Equal(1, Urban(after).AnsweredToday - Urban(before).AnsweredToday);
        Assert.Equal(1, Urban(after).OverdueByLevel[0] - Urban(before).OverdueByLevel[0]);
        Assert.Equal(2, Urban(after).InTimeToday.Due - Urban(before).InTimeToday.Due);
        Assert.Equal(1, Urban(after).InTimeToday.InTime - Urban(before).InTimeToday.InTime);
        Assert.Equal(Urban(after).InTimeToday, Urban(after).InTimeWeek); // the week began today
        Assert.True(Urban(after).LongestWait >= Duration.FromHours(6), $"longest wait {Urban(after).LongestWait}");
        Assert.Equal(1, after.Desks.Single(d => d.Figures.Key == "health").Figures.QueueDepth - before.Desks.Single(d => d.Figures.Key == "health").Figures.QueueDepth);
        Assert.Equal(2, after.Arrivals.TodayTotal - before.Arrivals.TodayTotal);
        Assert.Equal(4, after.Total.QueueDepth + after.Total.Claimed - before.Total.QueueDepth - before.Total.Claimed);
    }

    [Fact]
    public async Task List_PersianSearchOnPostgres_FindsArabicLetterAndZwnjVariantsWorstFirst()
    {
        var now = BoardTestData.Now(app);
        var worse = await BoardTestData.AddCaseAsync(app, "PM0000001", now, Duration.FromDays(3), subject: "کیفیت نامطلوب خدمات بیمه‌ای", overdueLevel: 2);
        var fresh = await BoardTestData.AddCaseAsync(app, "PM0000002", now, Duration.FromHours(2), subject: "خدمات بیمه‌ای درمانی");
        var other = await BoardTestData.AddCaseAsync(app, ComplaintConsole.Intake.TrackingCodes.NewCode(), now, Duration.FromHours(2), subject: "قطعی مکرر آب");
        var service = app.Services.GetRequiredService<ManagementService>();

        // Arabic Kaf (ك) and Yeh (ي), no ZWNJ.
        var found = await service.ListAsync(new CaseFilter { Search = "خدمات بيمهاي" }, 0, 50, Ct);
        var byCode = await service.ListAsync(new CaseFilter { Search = " " + other.TrackingCode.ToLowerInvariant() }, 0, 50, Ct);
        var worstOnly = await service.ListAsync(new CaseFilter { Search = "بیمه", MinLevel = 2 }, 0, 50, Ct);

        Assert.Equal([worse.TrackingCode, fresh.TrackingCode], found.Rows.Select(r => r.TrackingCode));
        Assert.Equal(2, found.Total);
        Assert.Equal(2, found.Rows[0].OverdueLevel);
        Assert.Equal("قطعی مکرر آب", Assert.Single(byCode.Rows).Subject);
        Assert.Equal(worse.TrackingCode, Assert.Single(worstOnly.Rows).TrackingCode);
    }

    private async Task AnswerAsync(long id, string userName, Instant at)
    {
        await using var db = await BoardTestData.Factory(app).CreateDbContextAsync(Ct);
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id, Ct);
        complaint.RecordResponse(await BoardTestData.UserIdAsync(app, userName), "call", "تماس گرفته شد", at);
        await db.SaveChangesAsync(Ct);
    }

    public sealed class App(PostgresServer postgres) : AppFactory, IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            // Figures are compared before and after the test's own cases: no background sweep may write in between
            // (Quartz on PostgreSQL has its own tests).
            Settings["Sla:SchedulerEnabled"] = "false";
            await postgres.PointAtOwnDatabaseAsync(this, typeof(PostgresBoardAndManagementTests));
            await PostgresServer.AssertOnPostgresAsync(Services);
        }
    }
}
