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
public sealed class PostgresQuartzTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan QuartzWait = TimeSpan.FromSeconds(20);

    private SlaHost _node1 = null!;
    private string _connectionString = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = await postgres.AppSettingsForAsync(GetType());
        _connectionString = settings["ConnectionStrings:Complaints"]!;
        _node1 = SlaHost.Start(scheduler: true, settings: settings);
        await PostgresServer.AssertOnPostgresAsync(_node1.Services);
    }

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
            var opening = await scheduler.GetTrigger(SlaScheduler.OpeningTrigger(id), Ct);
            Assert.Equal(calendar.NextOpeningAfter(_node1.Now).ToDateTimeOffset(), opening!.NextFireTimeUtc);
        }

        // Stored in the database, not only in the scheduler's memory.
        var stored = await ScalarListAsync("SELECT trigger_name FROM qrtz_triggers WHERE trigger_group = 'sla' ORDER BY 1");
        Assert.Contains($"opening-{await _node1.CalendarIdAsync(DemoData.HeadquartersCalendar)}", stored);
        Assert.Contains(SlaScheduler.SafetyTrigger.Name, stored);
    }

    [Fact]
    public async Task SecondNode_OnTheSameDatabase_JoinsTheClusterAndTheOpeningTriggerFlagsTheCases()
    {
        await using var node2 = SlaHost.Start(scheduler: true, settings: await postgres.AppSettingsForAsync(GetType()));
        var scheduler2 = await node2.Get<ISchedulerFactory>().GetScheduler(Ct);
        await WaitUntilAsync(async () => await scheduler2.GetStatus(Ct) == SchedulerStatus.Running);
        Assert.True((await scheduler2.GetMetadata(Ct)).JobStoreClustered);
        Assert.NotEqual((await _node1.Get<ISchedulerFactory>().GetScheduler(Ct)).SchedulerInstanceId, scheduler2.SchedulerInstanceId);
        await WaitUntilAsync(async () => (await ScalarListAsync("SELECT instance_name FROM qrtz_scheduler_state")).Count == 2);

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

        // And the job moved the trigger on to the following opening.
        var hq = await _node1.CalendarAsync(DemoData.HeadquartersCalendar);
        var key = SlaScheduler.OpeningTrigger(await _node1.CalendarIdAsync(DemoData.HeadquartersCalendar));
        var scheduler1 = await _node1.Get<ISchedulerFactory>().GetScheduler(Ct);
        await WaitUntilAsync(async () => (await scheduler1.GetTrigger(key, Ct))?.NextFireTimeUtc == hq.NextOpeningAfter(due).ToDateTimeOffset());
    }

    public async ValueTask DisposeAsync() => await _node1.DisposeAsync();

    private async Task<List<string>> ScalarListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
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
