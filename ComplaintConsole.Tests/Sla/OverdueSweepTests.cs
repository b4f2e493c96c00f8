using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

/// <summary>The overdue sweep on a real SQLite database and the fake clock; calendar tehran-hq, times local.</summary>
public sealed class OverdueSweepTests
{
    [Fact]
    public async Task SweepAsync_AtTheOpening_FlagsExactlyThenAndNotATickBefore()
    {
        await using var host = SlaHost.Start();
        var sweep = host.Get<OverdueSweep>();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        var due = At(2026, 12, 6, 7, 30);

        host.Set(due - Duration.FromMilliseconds(1));
        var before = await sweep.SweepAsync();
        host.Set(due);
        var atOpening = await sweep.SweepAsync();

        Assert.Equal(SweepResult.None, before);
        Assert.Equal(new SweepResult(1, 0), atOpening);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(1, complaint.OverdueLevel);
        Assert.Equal(At(2026, 12, 7, 7, 30), complaint.NextEscalationAt);
        var flagged = Assert.Single(complaint.Events, e => e.Kind == ComplaintEventKind.FlaggedOverdue);
        Assert.Equal(due, flagged.At);
        Assert.Equal("system", flagged.Actor);
    }

    [Fact]
    public async Task SweepAsync_RunTwice_SecondRunChangesNothingAndEventsAreWrittenOnce()
    {
        await using var host = SlaHost.Start();
        var sweep = host.Get<OverdueSweep>();
        var ids = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 5);
        host.SetLocal(2026, 12, 6, 7, 30);
        await sweep.SweepAsync();
        var versions = await VersionsAsync(host, ids);

        var second = await sweep.SweepAsync();

        Assert.Equal(SweepResult.None, second);
        Assert.Equal(5, await host.EventCountAsync(ComplaintEventKind.FlaggedOverdue));
        Assert.Equal(versions, await VersionsAsync(host, ids));
    }

    [Fact]
    public async Task SweepAsync_BulkUpdate_BumpsSqliteConcurrencyToken()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        var before = (await host.CaseAsync(id)).Version;
        host.SetLocal(2026, 12, 6, 7, 30);

        await host.Get<OverdueSweep>().SweepAsync();

        Assert.Equal(before + 1, (await host.CaseAsync(id)).Version);
    }

    [Fact]
    public async Task SweepAsync_OnHolidayAndWeekendOpenings_FlagsNothingUntilTheNextWorkingDay()
    {
        await using var host = SlaHost.Start();
        var sweep = host.Get<OverdueSweep>();
        // Due Tue 12-22 07:30; and received Tue 12-22 10:00, due Sat 12-26 07:30 (Wed 12-23 is 13 Rajab, then Thu, Fri).
        var early = (await host.AddCasesAsync(At(2026, 12, 21, 10, 0)))[0];
        var late = (await host.AddCasesAsync(At(2026, 12, 22, 10, 0)))[0];
        host.SetLocal(2026, 12, 22, 7, 30);
        await sweep.SweepAsync();

        var quiet = new List<SweepResult>();
        foreach (var day in new[] { 23, 24, 25 })
        {
            host.SetLocal(2026, 12, day, 7, 30);
            quiet.Add(await sweep.SweepAsync());
            host.SetLocal(2026, 12, day, 12, 0);
            quiet.Add(await sweep.SweepAsync());
        }

        host.SetLocal(2026, 12, 26, 7, 30);
        var saturday = await sweep.SweepAsync();

        Assert.All(quiet, r => Assert.Equal(SweepResult.None, r));
        Assert.Equal(new SweepResult(1, 1), saturday);
        var escalated = await host.CaseAsync(early);
        Assert.Equal(2, escalated.OverdueLevel);
        Assert.Equal(
            [ComplaintEventKind.Received, ComplaintEventKind.FlaggedOverdue, ComplaintEventKind.Escalated],
            escalated.Events.Select(e => e.Kind));
        Assert.Equal(1, (await host.CaseAsync(late)).OverdueLevel);
    }

    [Fact]
    public async Task SweepAsync_DowntimeAcrossTwoOpenings_CatchesUpToLevelTwo()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];

        // Nothing ran at Sun 07:30 nor at Mon 07:30.
        host.SetLocal(2026, 12, 7, 9, 15);
        var result = await host.Get<OverdueSweep>().SweepAsync();

        Assert.Equal(new SweepResult(0, 1), result);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(2, complaint.OverdueLevel);
        Assert.Equal(At(2026, 12, 8, 7, 30), complaint.NextEscalationAt);
        var e = Assert.Single(complaint.Events, e => e.Kind is ComplaintEventKind.FlaggedOverdue or ComplaintEventKind.Escalated);
        Assert.Equal(ComplaintEventKind.Escalated, e.Kind);
        Assert.Equal("""{"level":2}""", e.Data);
    }

    [Fact]
    public async Task SweepAsync_AnsweredOrClosedCase_IsNeverFlagged()
    {
        await using var host = SlaHost.Start();
        var ids = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 2);
        await using (var db = await host.DbAsync())
        {
            var answered = await db.Complaints.SingleAsync(c => c.Id == ids[0]);
            answered.Claim("op", host.Now);
            answered.RecordResponse("op", "call", "called back", host.Now);
            var closed = await db.Complaints.SingleAsync(c => c.Id == ids[1]);
            closed.Claim("op", host.Now);
            closed.Close("op", "duplicate", host.Now);
            await db.SaveChangesAsync();
        }

        host.SetLocal(2026, 12, 7, 7, 30);
        var result = await host.Get<OverdueSweep>().SweepAsync();

        Assert.Equal(SweepResult.None, result);
        Assert.Equal(0, (await host.CaseAsync(ids[0])).OverdueLevel);
        Assert.Equal(0, (await host.CaseAsync(ids[1])).OverdueLevel);
    }

    [Fact]
    public async Task SweepAsync_TwoSweepsRacingOnTheSameDatabase_FlagEachCaseOnce()
    {
        await using var host = SlaHost.Start();
        var ids = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 300);
        host.SetLocal(2026, 12, 7, 7, 30);
        var sweep = host.Get<OverdueSweep>();

        // Two nodes: each sweep opens its own contexts and transactions.
        var results = await Task.WhenAll(
            Task.Run(() => sweep.SweepAsync()),
            Task.Run(() => sweep.SweepAsync()),
            Task.Run(() => sweep.SweepAsync()));

        Assert.Equal(300, results.Sum(r => r.Escalated));
        Assert.Equal(0, results.Sum(r => r.Flagged));
        await using var db = await host.DbAsync();
        var perCase = await db.ComplaintEvents.Where(e => e.Kind == ComplaintEventKind.Escalated)
            .GroupBy(e => e.ComplaintId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(300, perCase.Count);
        Assert.All(perCase, n => Assert.Equal(1, n));
        Assert.All(await db.Complaints.Where(c => ids.Contains(c.Id)).Select(c => c.OverdueLevel).ToListAsync(), l => Assert.Equal(2, l));
    }

    [Fact]
    public async Task SweepAsync_FlaggedCases_ArePublishedLiveWithTheirTimelineSequence()
    {
        await using var host = SlaHost.Start();
        var ids = await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 3);
        host.SetLocal(2026, 12, 6, 7, 30);

        var events = await host.LiveEventsAsync(
            e => e.Kind == ComplaintEventKind.FlaggedOverdue, 3, () => host.Get<OverdueSweep>().SweepAsync());

        Assert.Equal(ids.Order(), events.Select(e => e.ComplaintId).Order());
        Assert.All(events, e => Assert.Equal(1, e.OverdueLevel));
        await using var db = await host.DbAsync();
        var stored = await db.ComplaintEvents.Where(e => e.Kind == ComplaintEventKind.FlaggedOverdue).Select(e => e.Id).ToListAsync();
        Assert.Equal(stored.Order(), events.Select(e => e.Sequence).Order());
    }

    private static async Task<List<long>> VersionsAsync(SlaHost host, long[] ids)
    {
        await using var db = await host.DbAsync();
        return await db.Complaints.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Version).ToListAsync();
    }
}
