using ComplaintConsole.Calendar;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using ComplaintConsole.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

/// <summary>Calendar changes retime open cases: each closure shape, a moved lunar holiday, flags lifted, batches.</summary>
public sealed class RetimeTests
{
    private static readonly string[] Hq = [DemoData.HeadquartersCalendar];

    [Fact]
    public async Task DeclareClosureAsync_WholeNextDay_MovesDeadlineAndWritesOldToNew()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        host.SetLocal(2026, 12, 5, 18, 0);

        var result = await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        Assert.Equal(1, result.Retime.Moved);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(At(2026, 12, 7, 7, 30), complaint.ResponseDueAt);
        Assert.Equal(At(2026, 12, 7, 7, 30), complaint.NextEscalationAt);
        SlaAssert.DeadlineEvent(complaint, At(2026, 12, 6, 7, 30), At(2026, 12, 7, 7, 30), level: 0);
    }

    [Fact]
    public async Task DeclareClosureAsync_OpenUntilNoon_CaseReceivedAfterNoonCountsForTheNextDay()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 7, 12, 30)))[0];
        host.SetLocal(2026, 12, 7, 12, 45);

        await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 7), new LocalTime(12, 0), null, "صرفه‌جویی انرژی", "admin");

        var complaint = await host.CaseAsync(id);
        Assert.Equal(new LocalDate(2026, 12, 8), complaint.BusinessDayOfReceipt);
        SlaAssert.DeadlineEvent(complaint, At(2026, 12, 8, 7, 30), At(2026, 12, 9, 7, 30), level: 0);
    }

    [Fact]
    public async Task DeclareClosureAsync_OpensAtTen_DeadlineIsTheLateOpening()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 7, 10, 0)))[0];
        host.SetLocal(2026, 12, 7, 20, 0);

        await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 8), null, new LocalTime(10, 0), "برف", "admin");

        SlaAssert.DeadlineEvent(await host.CaseAsync(id), At(2026, 12, 8, 7, 30), At(2026, 12, 8, 10, 0), level: 0);
    }

    [Fact]
    public async Task DeclareClosureAsync_ClosedTenToNoon_MovesNoDeadlineAndWritesNothing()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 7, 10, 0)))[0];
        host.SetLocal(2026, 12, 7, 20, 0);

        var result = await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 8), new LocalTime(10, 0), new LocalTime(12, 0), "مراسم", "admin");

        Assert.Equal(0, result.Retime.Moved);
        Assert.Equal(1, result.Retime.Examined);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(At(2026, 12, 8, 7, 30), complaint.ResponseDueAt);
        Assert.DoesNotContain(complaint.Events, e => e.Kind == ComplaintEventKind.DeadlineChanged);
    }

    [Fact]
    public async Task DeclareClosureAsync_TodayAfterTheFlag_LiftsTheFlag()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        host.SetLocal(2026, 12, 6, 7, 30);
        await host.Get<OverdueSweep>().SweepAsync();
        host.SetLocal(2026, 12, 6, 8, 15);

        var result = await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        Assert.Equal(1, result.Retime.FlagsLifted);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(0, complaint.OverdueLevel);
        Assert.Equal(At(2026, 12, 7, 7, 30), complaint.NextEscalationAt);
        SlaAssert.DeadlineEvent(complaint, At(2026, 12, 6, 7, 30), At(2026, 12, 7, 7, 30), level: 0);

        // And it is flagged again, once, at the new deadline.
        host.SetLocal(2026, 12, 7, 7, 30);
        Assert.Equal(new SweepResult(1, 0), await host.Get<OverdueSweep>().SweepAsync());
        Assert.Equal(2, (await host.CaseAsync(id)).Events.Count(e => e.Kind == ComplaintEventKind.FlaggedOverdue));
    }

    [Fact]
    public async Task DeclareClosureAsync_TomorrowForAFlaggedCase_MovesItsNextEscalationWithoutAnEvent()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        host.SetLocal(2026, 12, 6, 7, 30);
        await host.Get<OverdueSweep>().SweepAsync();

        await host.Get<CalendarChangeService>().DeclareClosureAsync(Hq, new LocalDate(2026, 12, 7), null, null, "آلودگی هوا", "admin");
        host.SetLocal(2026, 12, 7, 7, 30);
        var onClosedDay = await host.Get<OverdueSweep>().SweepAsync();

        Assert.Equal(SweepResult.None, onClosedDay);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(1, complaint.OverdueLevel);
        Assert.Equal(At(2026, 12, 8, 7, 30), complaint.NextEscalationAt);
        Assert.DoesNotContain(complaint.Events, e => e.Kind == ComplaintEventKind.DeadlineChanged);
    }

    [Fact]
    public async Task MoveHolidayAsync_TentativeLunarDateConfirmedOneDayLater_MovesTheDeadlines()
    {
        await using var host = SlaHost.Start();
        // Wed 1406/01/11: Thu is Islamic Republic Day, Fri, then Sat 2027-04-03 is 25 Shawwal (tentative).
        var id = (await host.AddCasesAsync(At(2027, 3, 31, 10, 0)))[0];
        host.SetLocal(2027, 3, 31, 16, 0);
        int holidayId;
        await using (var db = await host.DbAsync())
        {
            var holiday = await db.Holidays.SingleAsync(h => h.Date == new LocalDate(2027, 4, 3) && h.CalendarId == db.Calendars.Single(c => c.Code == DemoData.HeadquartersCalendar).Id);
            Assert.True(holiday.Tentative);
            holidayId = holiday.Id;
        }

        var result = await host.Get<CalendarChangeService>().MoveHolidayAsync(holidayId, new LocalDate(2027, 4, 4), confirm: true, "admin");

        Assert.Equal(1, result.Retime.Moved);
        SlaAssert.DeadlineEvent(await host.CaseAsync(id), At(2027, 4, 4, 7, 30), At(2027, 4, 3, 7, 30), level: 0);
        await using var check = await host.DbAsync();
        var moved = await check.Holidays.SingleAsync(h => h.Id == holidayId);
        Assert.Equal(new LocalDate(2027, 4, 4), moved.Date);
        Assert.False(moved.Tentative);
    }

    [Fact]
    public async Task RemoveClosureAsync_AfterDeclaring_PutsTheDeadlineBack()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        var service = host.Get<CalendarChangeService>();
        var declared = await service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        var removed = await service.RemoveClosureAsync(declared.Id!.Value, "admin");

        Assert.Equal(1, removed.Retime.Moved);
        var complaint = await host.CaseAsync(id);
        Assert.Equal(At(2026, 12, 6, 7, 30), complaint.ResponseDueAt);
        Assert.Equal(2, complaint.Events.Count(e => e.Kind == ComplaintEventKind.DeadlineChanged));
    }

    [Fact]
    public async Task AddScheduleVersionAsync_LaterOpening_MovesDeadlinesToTheNewHours()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        IReadOnlyList<OpenRange> hours = [new OpenRange(8, 0, 15, 0)];
        var week = SaturdayToWednesday.ToDictionary(d => d, _ => hours);

        await host.Get<CalendarChangeService>().AddScheduleVersionAsync(DemoData.HeadquartersCalendar, new LocalDate(2026, 12, 6), week, "admin");

        SlaAssert.DeadlineEvent(await host.CaseAsync(id), At(2026, 12, 6, 7, 30), At(2026, 12, 6, 8, 0), level: 0);
    }

    [Fact]
    public async Task PreviewClosureAsync_CountsTheCasesThatWouldMove_AndWritesNothing()
    {
        await using var host = SlaHost.Start();
        await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 4);
        await host.AddCasesAsync(At(2026, 12, 6, 10, 0), count: 2);
        var service = host.Get<CalendarChangeService>();

        var preview = await service.PreviewClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا");

        Assert.Equal(new RetimePreview(6, 6, 0, 0), preview);
        await using var db = await host.DbAsync();
        Assert.Equal(0, await db.Closures.CountAsync());
        Assert.Equal(0, await db.ComplaintEvents.CountAsync(e => e.Kind == ComplaintEventKind.DeadlineChanged));
        var applied = await service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");
        Assert.Equal(preview.WouldMove, applied.Retime.Moved);
    }

    [Fact]
    public async Task DeclareClosureAsync_ManyCasesInSeveralBatches_MovesEachOnceAndPublishesThem()
    {
        await using var host = SlaHost.Start(settings: new Dictionary<string, string?> { ["Sla:RetimeBatchSize"] = "1000" });
        await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 2_500);
        await host.AddCasesAsync(At(2026, 12, 5, 16, 0), count: 10); // after closing: B Sunday becomes Monday, due Tuesday
        var service = host.Get<CalendarChangeService>();

        // What the feed publishes (a slow subscriber may legitimately drop the oldest and be told of the gap, so the
        // publication itself is what is counted here, where a cross-node transport would take it).
        var published = new List<LiveEvent>();
        void OnPublished(IReadOnlyList<LiveEvent> batch)
        {
            lock (published)
            {
                published.AddRange(batch.Where(e => e.Kind == ComplaintEventKind.DeadlineChanged));
            }
        }

        var feed = host.Get<LiveFeed>();
        feed.Published += OnPublished;
        try
        {
            await service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");
        }
        finally
        {
            feed.Published -= OnPublished;
        }

        Assert.Equal(2_510, published.Count);
        Assert.Equal(2_510, published.Select(e => e.ComplaintId).Distinct().Count());
        await using var db = await host.DbAsync();
        Assert.Equal(2_500, await db.Complaints.CountAsync(c => c.ResponseDueAt == At(2026, 12, 7, 7, 30)));
        Assert.Equal(10, await db.Complaints.CountAsync(c => c.ResponseDueAt == At(2026, 12, 8, 7, 30)));
        Assert.Equal(2_510, await db.ComplaintEvents.CountAsync(e => e.Kind == ComplaintEventKind.DeadlineChanged));
    }
}
