using ComplaintConsole.Data.Seed;
using ComplaintConsole.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

public sealed class DailySummaryTests
{
    [Fact]
    public async Task TakeAsync_AtClosing_CountsReceivedAnsweredAtRiskAndOverdueByLevel()
    {
        await using var host = SlaHost.Start();
        var old = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 3);         // due Sun 07:30
        host.SetLocal(2026, 12, 7, 7, 30);
        await host.Get<OverdueSweep>().SweepAsync();                                    // level 2 on Monday
        var sunday = await host.AddCasesAsync(At(2026, 12, 6, 11, 0), count: 1);      // due Mon 07:30: level 1
        host.SetLocal(2026, 12, 7, 7, 31);
        await host.Get<OverdueSweep>().SweepAsync();
        var monday = await host.AddCasesAsync(At(2026, 12, 7, 9, 0), count: 4);       // due Tue 07:30: at risk at 14:30
        await using (var db = await host.DbAsync())
        {
            var answered = await db.Complaints.Where(c => c.Id == monday[0] || c.Id == old[0]).ToListAsync();
            foreach (var c in answered)
            {
                c.Claim("op", host.Now);
                c.RecordResponse("op", "call", "done", host.Now);
            }

            await db.SaveChangesAsync();
        }

        host.SetLocal(2026, 12, 7, 14, 30);
        var calendarId = await host.CalendarIdAsync();

        await host.Get<SlaJobs>().AtClosingAsync(calendarId, TestContext.Current.CancellationToken);

        await using var check = await host.DbAsync();
        var urban = await check.Desks.SingleAsync(d => d.Code == "urban");
        var summary = await check.DailySummaries.SingleAsync(s => s.DeskId == urban.Id);
        Assert.Equal(new LocalDate(2026, 12, 7), summary.Date);
        Assert.Equal(4, summary.Received);
        Assert.Equal(2, summary.Answered);
        Assert.Equal(3, summary.AtRisk);
        Assert.Equal(3, summary.Overdue);
        Assert.Equal("""{"1":1,"2":2}""", summary.OverdueByLevel);
        Assert.Equal(3, await check.DailySummaries.CountAsync()); // one row per desk of tehran-hq
        Assert.Equal(1, (await host.CaseAsync(sunday[0])).OverdueLevel);
    }

    [Fact]
    public async Task TakeAsync_TakenAgainForTheSameDay_ReplacesTheRow()
    {
        await using var host = SlaHost.Start();
        var calendarId = await host.CalendarIdAsync();
        var summaries = host.Get<DailySummaryService>();
        await summaries.TakeAsync(calendarId, new LocalDate(2026, 12, 5));
        await host.AddCasesAsync(At(2026, 12, 5, 11, 0), count: 2);

        await summaries.TakeAsync(calendarId, new LocalDate(2026, 12, 5));

        await using var db = await host.DbAsync();
        var urban = await db.Desks.SingleAsync(d => d.Code == "urban");
        var row = await db.DailySummaries.SingleAsync(s => s.DeskId == urban.Id);
        Assert.Equal(2, row.Received);
    }

    [Fact]
    public async Task AtRiskNowAsync_AsAnEfFilter_SelectsTheCasesInTheLastBusinessHour()
    {
        await using var host = SlaHost.Start();
        var saturday = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 2); // due Sun 07:30
        await host.AddCasesAsync(At(2026, 12, 5, 15, 0));                           // due Mon 07:30
        var atRisk = host.Get<AtRiskService>();
        host.SetLocal(2026, 12, 5, 13, 29);
        var before = await CountAsync(host, atRisk);

        host.SetLocal(2026, 12, 5, 13, 30);
        var inWindow = await CountAsync(host, atRisk);
        host.SetLocal(2026, 12, 6, 7, 0);
        var overnight = await CountAsync(host, atRisk);

        Assert.Equal(0, before);
        Assert.Equal(2, inWindow);
        Assert.Equal(2, overnight);
        Assert.Equal(At(2026, 12, 5, 13, 30), await atRisk.AtRiskFromAsync((await host.CaseAsync(saturday[0])).DeskId, At(2026, 12, 6, 7, 30)));
        Assert.True(await atRisk.IsAtRiskAsync(await host.CaseAsync(saturday[0])));
    }

    private static async Task<int> CountAsync(SlaHost host, AtRiskService atRisk)
    {
        await using var db = await host.DbAsync();
        return await db.Complaints.Where(await atRisk.AtRiskNowAsync()).CountAsync();
    }
}
