using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Support;
using Npgsql;
using NodaTime.Extensions;
using Quartz;

namespace ComplaintConsole.Tests.Sla;

/// <summary>
/// Quartz's clustered persistent store on PostgreSQL: the app creates the schema, stores the calendars' triggers, and a
/// second node on the same database joins the cluster.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresQuartzTests(PostgresQuartzTests.App app) : IClassFixture<PostgresQuartzTests.App>
{
    private static readonly TimeSpan QuartzWait = TimeSpan.FromSeconds(20);

    private readonly SlaHost _node1 = app.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartUp_WithSchedulerOnPostgres_CreatesQuartzTablesAndStoresTheCalendarTriggers()
    {
        var scheduler = await _node1.Get<ISchedulerFactory>().GetScheduler(Ct);
        var metaData = await scheduler.GetMetadata(Ct);

        // The hosted service starts the scheduler once the application has started, on its own thread.
        await WaitUntilAsync(async () => await scheduler.GetStatus(Ct) == SchedulerStatus.Running);
        Assert.True(metaData.JobStoreClustered);
        Assert.True(metaData.JobStorePersistent);
        var tables = await ScalarListAsync("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'qrtz%' ORDER BY 1");
        Assert.Contains("qrtz_triggers", tables);
        Assert.Contains("qrtz_scheduler_state", tables);
        foreach (var code in new[] { DemoData.HeadquartersCalendar, DemoData.CountiesCalendar })
        {
            var calendar = await _node1.CalendarAsync(code);
            var id = await _node1.CalendarIdAsync(code);
            // Polled: if the other test reached an opening, Quartz's thread may still be moving the trigger on.
            await WaitUntilAsync(async () =>
                (await scheduler.GetTrigger(SlaScheduler.OpeningTrigger(id), Ct))?.NextFireTimeUtc == calendar.NextOpeningAfter(_node1.Now).ToDateTimeOffset());
        }

        // Stored in the database, not only in the scheduler's memory.
        var stored = await ScalarListAsync("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'sla' ORDER BY 1");
        Assert.Contains($"opening-{await _node1.CalendarIdAsync(DemoData.HeadquartersCalendar)}", stored);
        Assert.Contains(SlaScheduler.SafetyTrigger.Name, stored);
    }

    [Fact]
    public async Task SecondNode_OnTheSameDatabase_JoinsTheClusterAndTheOpeningTriggerFlagsTheCases()
    {
        await using var node2 = await app.StartAnotherNodeAsync();
        var scheduler1 = await _node1.Get<ISchedulerFactory>().GetScheduler(Ct);
        var scheduler2 = await node2.Get<ISchedulerFactory>().GetScheduler(Ct);
        await WaitUntilAsync(async () => await scheduler2.GetStatus(Ct) == SchedulerStatus.Running);
        Assert.True((await scheduler2.GetMetadata(Ct)).JobStoreClustered);
        Assert.NotEqual(scheduler1.SchedulerInstanceId, scheduler2.SchedulerInstanceId);
        await WaitUntilAsync(async () =>
        {
            var nodes = await ScalarListAsync("SELECT instance_name FROM qrtz_scheduler_state");
            return nodes.Contains(scheduler1.SchedulerInstanceId) && nodes.Contains(scheduler2.SchedulerInstanceId);
        });

        // Quartz runs on the injected clock: reaching the opening fires the calendar's trigger on node 1.
        var ids = await _node1.AddCasesAsync(_node1.Now, count: 3, desk: "urban");
        var due = (await _node1.CaseAsync(ids[0])).ResponseDueAt;
        var flagged = await _node1.LiveEventsAsync(
            e => ids.Contains(e.ComplaintId) && e.Kind == ComplaintEventKind.FlaggedOverdue,
            3,
            () =>
            {
                _node1.Set(due);
                return Task.CompletedTask;
            },
            QuartzWait);

        Assert.Equal(ids.Order(), flagged.Select(e => e.ComplaintId).Order());
        Assert.All(await _node1.CasesAsync(ids), c => SlaAssert.FlaggedOnce(c, due));

        // And the jobs moved each calendar's triggers on (the clock passed Saturday's closings and Sunday's openings).
        // Waiting for all of them also lets every job finish before the nodes shut down.
        foreach (var code in new[] { DemoData.HeadquartersCalendar, DemoData.CountiesCalendar })
        {
            var calendar = await _node1.CalendarAsync(code);
            var id = await _node1.CalendarIdAsync(code);
            var nextSummary = SlaScheduler.NextSummaryAfter(calendar, due, NodaTime.Duration.Zero).At.ToDateTimeOffset();
            await WaitUntilAsync(async () =>
                (await scheduler1.GetTrigger(SlaScheduler.OpeningTrigger(id), Ct))?.NextFireTimeUtc == calendar.NextOpeningAfter(due).ToDateTimeOffset()
                && (await scheduler1.GetTrigger(SlaScheduler.ClosingTrigger(id), Ct))?.NextFireTimeUtc == nextSummary);
        }

        await WaitUntilAsync(async () => (await scheduler1.GetMetadata(Ct)).LocalExecutingJobs == 0);
    }

    public sealed class App(PostgresServer postgres) : PostgresSlaHost<PostgresQuartzTests>(postgres)
    {
        protected override bool Scheduler => true;
    }

    private async Task<List<string>> ScalarListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // Quartz works on its own threads: wait for the condition, bounded.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(QuartzWait);
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
