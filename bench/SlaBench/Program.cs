using System.Diagnostics;
using ComplaintConsole.Data;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Identity;
using ComplaintConsole.Realtime;
using ComplaintConsole.Sla;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Extensions;

// SLA benchmark on the embedded SQLite default (DESIGN.md targets): 1,000,000 open cases of which 100,000 are due.
//   overdue sweep < 2 s and a second run changes nothing; retime after a closure over 1,000,000 open cases < 10 s.
// Run: dotnet run -c Release --project bench/SlaBench [-- --cases 1000000 --due 100000]
var total = Arg("--cases", 1_000_000);
var due = Arg("--due", 100_000);
var directory = Directory.CreateTempSubdirectory("sla-bench-").FullName;
var databasePath = Path.Combine(directory, "complaints.db");
var tehran = DateTimeZoneProviders.Tzdb["Asia/Tehran"];
Instant Local(int y, int m, int d, int h, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(tehran).ToInstant();

var clock = new BenchClock(Local(2026, 12, 5, 9, 0).ToDateTimeOffset());
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:SeedDemoData"] = "true",
    ["Database:SeedDemoCases"] = "false",
    ["ConnectionStrings:Complaints"] = $"Data Source={databasePath}",
    ["Sla:SchedulerEnabled"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.Services.AddSingleton<TimeProvider>(clock);
builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddConsoleIdentity();
builder.Services.AddRealtime();
builder.Services.AddSla(builder.Configuration);
using var host = builder.Build();
await host.StartAsync(); // migrations and the demo world

try
{
    var calendars = host.Services.GetRequiredService<CalendarStore>();
    var snapshot = await calendars.GetSnapshotAsync();
    var hqId = snapshot.IdByCode[DemoData.HeadquartersCalendar];
    var hq = snapshot.ById[hqId];
    int[] desks;
    int[] agencies;
    await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync())
    {
        desks = snapshot.CalendarIdByDesk.Where(d => d.Value == hqId).Select(d => d.Key).Order().ToArray();
        agencies = await db.Agencies.Where(a => desks.Contains(a.DeskId)).OrderBy(a => a.DeskId).Select(a => a.Id).ToArrayAsync();
    }

    // Saturday's cases are due at Sunday's opening; Sunday's (received during its hours) at Monday's.
    var dueReceived = (From: Local(2026, 12, 5, 7, 30), To: Local(2026, 12, 5, 14, 0));
    var openReceived = (From: Local(2026, 12, 6, 7, 30), To: Local(2026, 12, 6, 14, 0));
    var stopwatch = Stopwatch.StartNew();
    var process = Process.GetCurrentProcess();
    TimeSpan Cpu()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    string CpuSince(TimeSpan start) => $"cpu {(Cpu() - start).TotalMilliseconds,6:F0} ms";
    await BulkInsertAsync(databasePath, total, due, desks, agencies, hq, dueReceived, openReceived);
    Console.WriteLine($"load average before the timings: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
    Console.WriteLine($"setup: {total:N0} open cases ({due:N0} due at Sun 07:30), each with its Received event, inserted in {stopwatch.Elapsed.TotalSeconds:F1} s");

    clock.Now = Local(2026, 12, 6, 14, 15).ToDateTimeOffset();
    var sweep = host.Services.GetRequiredService<OverdueSweep>();
    var cpu = Cpu();
    stopwatch.Restart();
    var first = await sweep.SweepAsync();
    Console.WriteLine($"sweep:        {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms wall, {CpuSince(cpu)}  flagged {first.Flagged:N0}, escalated {first.Escalated:N0}   (goal < 2000 ms)");
    cpu = Cpu();
    stopwatch.Restart();
    var second = await sweep.SweepAsync();
    Console.WriteLine($"second sweep: {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms wall, {CpuSince(cpu)}  flagged {second.Flagged:N0}, escalated {second.Escalated:N0}   (goal: changes nothing)");

    var changes = host.Services.GetRequiredService<CalendarChangeService>();
    string[] hqCode = [DemoData.HeadquartersCalendar];
    var monday = new LocalDate(2026, 12, 7);
    cpu = Cpu();
    stopwatch.Restart();
    var preview = await changes.PreviewClosureAsync(hqCode, monday, null, null, "آلودگی هوا");
    Console.WriteLine($"preview:      {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms wall, {CpuSince(cpu)}  {preview.Examined:N0} examined, {preview.WouldMove:N0} would move");

    var published = 0;
    using var subscription = host.Services.GetRequiredService<LiveFeed>().Subscribe(_ => { Interlocked.Increment(ref published); return Task.CompletedTask; });
    cpu = Cpu();
    stopwatch.Restart();
    var retime = await changes.DeclareClosureAsync(hqCode, monday, null, null, "آلودگی هوا", "bench");
    Console.WriteLine($"retime:       {stopwatch.Elapsed.TotalMilliseconds,8:F0} ms wall, {CpuSince(cpu)}  {retime.Retime.Examined:N0} open cases examined, {retime.Retime.Moved:N0} deadlines moved (Mon 07:30 → Tue 07:30), {retime.Retime.Examined - retime.Retime.Moved:N0} flagged cases' next escalation moved   (goal < 10000 ms)");

    await using (var db = await host.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync())
    {
        var events = await db.ComplaintEvents.CountAsync(e => e.Kind == ComplaintEventKind.DeadlineChanged);
        var flags = await db.ComplaintEvents.CountAsync(e => e.Kind == ComplaintEventKind.FlaggedOverdue);
        Console.WriteLine($"check: {events:N0} DeadlineChanged events, {flags:N0} FlaggedOverdue events, {published:N0} live events offered to one subscriber");
    }

    clock.Now = Local(2026, 12, 7, 7, 30).ToDateTimeOffset();
    stopwatch.Restart();
    var closedDay = await sweep.SweepAsync();
    Console.WriteLine($"sweep on the declared closure: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, flagged {closedDay.Flagged:N0}, escalated {closedDay.Escalated:N0}");
}
finally
{
    await host.StopAsync();
    SqliteConnection.ClearAllPools();
    if (args.Contains("--keep"))
    {
        Console.WriteLine($"kept {databasePath}");
    }
    else
    {
        Directory.Delete(directory, recursive: true);
    }
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

// Raw ADO.NET, one transaction, prepared statements: the fastest way SQLite takes a million rows.
static async Task BulkInsertAsync(
    string path, int total, int due, int[] desks, int[] agencies, ComplaintConsole.Calendar.WorkingCalendar calendar,
    (Instant From, Instant To) dueReceived, (Instant From, Instant To) openReceived)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
        await pragma.ExecuteNonQueryAsync();
    }

    await using var transaction = connection.BeginTransaction();
    await using var complaint = connection.CreateCommand();
    complaint.Transaction = transaction;
    complaint.CommandText = """
        INSERT INTO "Complaints" ("Id", "TrackingCode", "Kind", "Channel", "AgencyId", "CategoryCode", "Subject", "Description", "SearchKey",
          "ReceivedAt", "BusinessDayOfReceipt", "ResponseDueAt", "NextEscalationAt", "Status", "DeskId", "OverdueLevel", "Version")
        VALUES ($id, $code, 'Complaint', 'Web', $agency, 'delay', 'subject', 'description', '', $received, $business, $due, $due, 'New', $desk, 0, 0)
        """;
    var pId = complaint.Parameters.Add("$id", SqliteType.Integer);
    var pCode = complaint.Parameters.Add("$code", SqliteType.Text);
    var pAgency = complaint.Parameters.Add("$agency", SqliteType.Integer);
    var pReceived = complaint.Parameters.Add("$received", SqliteType.Integer);
    var pBusiness = complaint.Parameters.Add("$business", SqliteType.Text);
    var pDue = complaint.Parameters.Add("$due", SqliteType.Integer);
    var pDesk = complaint.Parameters.Add("$desk", SqliteType.Integer);
    complaint.Prepare();

    await using var received = connection.CreateCommand();
    received.Transaction = transaction;
    received.CommandText = """
        INSERT INTO "ComplaintEvents" ("ComplaintId", "At", "Actor", "Kind", "Data", "Reason", "Public") VALUES ($id, $at, 'citizen', 'Received', NULL, NULL, 1)
        """;
    var eId = received.Parameters.Add("$id", SqliteType.Integer);
    var eAt = received.Parameters.Add("$at", SqliteType.Integer);
    received.Prepare();

    for (var i = 1; i <= total; i++)
    {
        var (from, to) = i <= due ? dueReceived : openReceived;
        var count = i <= due ? due : total - due;
        var index = i <= due ? i - 1 : i - due - 1;
        var at = from + (to - from) * ((double)index / count);
        at = Instant.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var deadline = calendar.Compute(at);
        var slot = i % desks.Length;
        pId.Value = i;
        pCode.Value = "B" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        pAgency.Value = agencies.Length > slot ? agencies[slot] : agencies[0];
        pReceived.Value = at.ToUnixTimeMilliseconds();
        pBusiness.Value = deadline.BusinessDayOfReceipt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        pDue.Value = deadline.ResponseDue.ToUnixTimeMilliseconds();
        pDesk.Value = desks[slot];
        await complaint.ExecuteNonQueryAsync();
        eId.Value = i;
        eAt.Value = at.ToUnixTimeMilliseconds();
        await received.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
    await using var checkpoint = connection.CreateCommand();
    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
    await checkpoint.ExecuteNonQueryAsync();
}

internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
