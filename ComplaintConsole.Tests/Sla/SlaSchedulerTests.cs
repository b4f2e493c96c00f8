using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using Quartz;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

/// <summary>The Quartz wiring through the whole app: start-up catch-up, triggers that follow the calendars.</summary>
public sealed class SlaSchedulerTests
{
    [Fact]
    public async Task App_StartedAfterDowntimeThenCalendarChanged_CatchesUpAndMovesTheOpeningTrigger()
    {
        var directory = Directory.CreateTempSubdirectory("sla-scheduler-").FullName;
        var database = Path.Combine(directory, "complaints.db");
        long id;
        await using (var offline = SlaHost.Start(databasePath: database))
        {
            // Due Wed 12-02 07:30; the server was down over that opening and Saturday's (the clock is Sat 10:00).
            id = (await offline.AddCasesAsync(At(2026, 12, 1, 10, 0)))[0];
        }

        await using var host = SlaHost.Start(scheduler: true, databasePath: database);

        // The start-up sweep runs on Quartz's thread, possibly before anyone could subscribe to the feed: read the
        // database until it has caught up (bounded), then check what it wrote.
        var caughtUp = await host.WaitForAsync(async () => (await host.CaseAsync(id)).OverdueLevel == 2);
        Assert.True(caughtUp, "the start-up sweep did not raise the case to level 2");
        await using (var db = await host.DbAsync())
        {
            Assert.Equal(1, db.ComplaintEvents.Count(e => e.ComplaintId == id && e.Kind == ComplaintEventKind.Escalated));
        }

        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var calendarId = await host.CalendarIdAsync(DemoData.HeadquartersCalendar);
        var opening = await scheduler.GetTrigger(SlaScheduler.OpeningTrigger(calendarId), TestContext.Current.CancellationToken);
        Assert.Equal(At(2026, 12, 6, 7, 30).ToDateTimeOffset(), opening!.NextFireTimeUtc);
        var closing = await scheduler.GetTrigger(SlaScheduler.ClosingTrigger(calendarId), TestContext.Current.CancellationToken);
        Assert.Equal(At(2026, 12, 5, 14, 30).ToDateTimeOffset(), closing!.NextFireTimeUtc);
        Assert.NotNull(await scheduler.GetTrigger(SlaScheduler.SafetyTrigger, TestContext.Current.CancellationToken));

        await host.Get<CalendarChangeService>().DeclareClosureAsync(
            [DemoData.HeadquartersCalendar], new NodaTime.LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        opening = await scheduler.GetTrigger(SlaScheduler.OpeningTrigger(calendarId), TestContext.Current.CancellationToken);
        Assert.Equal(At(2026, 12, 7, 7, 30).ToDateTimeOffset(), opening!.NextFireTimeUtc);

        // Quartz runs on the injected clock: reaching Monday's opening fires the calendar's trigger.
        var monday = await host.LiveEventsAsync(
            e => e.ComplaintId == id && e.Kind == ComplaintEventKind.Escalated && e.OverdueLevel == 3,
            1,
            () =>
            {
                host.SetLocal(2026, 12, 7, 7, 30);
                return Task.CompletedTask;
            });
        Assert.Equal(At(2026, 12, 7, 7, 30), monday[0].At);
        Directory.Delete(directory, recursive: true);
    }
}
