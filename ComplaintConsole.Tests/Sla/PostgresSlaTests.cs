using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Support;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

/// <summary>
/// The set-based overdue sweep on a real PostgreSQL (UPDATE … RETURNING, INSERT … SELECT unnest(…) RETURNING, xmin).
/// The tests share one app and one fake clock, which only moves forward, so each works on its own calendar and takes
/// its times from the clock it finds.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresOverdueSweepTests(PostgresOverdueSweepTests.App app) : IClassFixture<PostgresOverdueSweepTests.App>
{
    private readonly SlaHost _host = app.Host;

    [Fact]
    public async Task SweepCalendarAsync_AtTheOpeningThenAgain_FlagsEachCaseOnceWithOneEvent()
    {
        var sweep = _host.Get<OverdueSweep>();
        var calendarId = await _host.CalendarIdAsync(DemoData.CountiesCalendar);
        var calendar = await _host.CalendarAsync(DemoData.CountiesCalendar);
        var ids = await _host.AddCasesAsync(_host.Now, count: 5, desk: "utilities");
        var due = (await _host.CaseAsync(ids[0])).ResponseDueAt;

        _host.Set(due - Duration.FromMilliseconds(1));
        var before = await sweep.SweepCalendarAsync(calendarId);
        _host.Set(due);
        var atOpening = await sweep.SweepCalendarAsync(calendarId);
        var again = await sweep.SweepCalendarAsync(calendarId);

        Assert.Equal(SweepResult.None, before);
        Assert.Equal(new SweepResult(5, 0), atOpening);
        Assert.Equal(SweepResult.None, again);
        var cases = await _host.CasesAsync(ids);
        Assert.All(cases, c => SlaAssert.FlaggedOnce(c, due));
        Assert.All(cases, c => Assert.Equal(calendar.NextOpeningAfter(due), c.NextEscalationAt));
    }

    [Fact]
    public async Task SweepCalendarAsync_TwoSweepsRacing_FlagEachCaseOnce()
    {
        var calendarId = await _host.CalendarIdAsync(DemoData.HeadquartersCalendar);
        var ids = await _host.AddCasesAsync(_host.Now, count: 300, desk: "urban");
        var due = (await _host.CaseAsync(ids[0])).ResponseDueAt;
        _host.Set(due);
        var sweep = _host.Get<OverdueSweep>();

        // Two nodes at the same opening: each sweep has its own connection and transaction.
        var results = await Task.WhenAll(
            Task.Run(() => sweep.SweepCalendarAsync(calendarId)),
            Task.Run(() => sweep.SweepCalendarAsync(calendarId)));

        Assert.Equal(300, results.Sum(r => r.Flagged));
        Assert.Equal(0, results.Sum(r => r.Escalated));
        Assert.All(await _host.CasesAsync(ids), c => SlaAssert.FlaggedOnce(c, due));
    }

    public sealed class App(PostgresServer postgres) : PostgresSlaHost<PostgresOverdueSweepTests>(postgres);
}

/// <summary>A closure declared through the calendar service retimes open cases on PostgreSQL, in several batches.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresRetimeTests(PostgresRetimeTests.App app) : IClassFixture<PostgresRetimeTests.App>
{
    private readonly SlaHost _host = app.Host;

    [Fact]
    public async Task DeclareClosureAsync_TodayAfterTheFlags_MovesDeadlinesOldToNewAndLiftsTheFlags()
    {
        // Received Sat 10:00 (the clock's start), due Sun 07:30, flagged then; at 08:15 Sunday is declared closed.
        var ids = await _host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 1_200);
        var answered = (await _host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        await using (var db = await _host.DbAsync())
        {
            var c = await db.Complaints.FindAsync(answered);
            c!.Claim("op", _host.Now);
            c.RecordResponse("op", "call", "called back", _host.Now);
            await db.SaveChangesAsync();
        }

        _host.SetLocal(2026, 12, 6, 7, 30);
        Assert.Equal(new SweepResult(1_200, 0), await _host.Get<OverdueSweep>().SweepAsync());
        _host.SetLocal(2026, 12, 6, 8, 15);

        var result = await _host.Get<CalendarChangeService>().DeclareClosureAsync(
            [DemoData.HeadquartersCalendar], new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        Assert.Equal(new RetimeResult(1_200, 1_200, 1_200, 0), result.Retime);
        var cases = await _host.CasesAsync(ids);
        Assert.All(cases, c =>
        {
            SlaAssert.DeadlineEvent(c, At(2026, 12, 6, 7, 30), At(2026, 12, 7, 7, 30), level: 0);
            Assert.Equal(At(2026, 12, 7, 7, 30), c.NextEscalationAt);
            Assert.Equal(new LocalDate(2026, 12, 5), c.BusinessDayOfReceipt);
            Assert.Single(c.Events, e => e.Kind == ComplaintEventKind.DeadlineChanged);
        });
        var untouched = await _host.CaseAsync(answered);
        Assert.Equal(At(2026, 12, 6, 7, 30), untouched.ResponseDueAt);
        Assert.DoesNotContain(untouched.Events, e => e.Kind == ComplaintEventKind.DeadlineChanged);

        // Flagged again, once, at the new deadline.
        _host.SetLocal(2026, 12, 7, 7, 30);
        Assert.Equal(new SweepResult(1_200, 0), await _host.Get<OverdueSweep>().SweepAsync());
    }

    public sealed class App(PostgresServer postgres) : PostgresSlaHost<PostgresRetimeTests>(postgres)
    {
        // Two batches of the 1,200 cases.
        protected override void Configure(Dictionary<string, string?> settings) => settings["Sla:RetimeBatchSize"] = "1000";
    }
}
