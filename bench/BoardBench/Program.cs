// Board snapshot benchmark: builds (or reuses) a SQLite database with N stored cases — two years of mostly closed
// history and a few thousand open cases — then times BoardService.GetSnapshotAsync against the target of 100 ms.
//
//   dotnet run -c Release --project bench/BoardBench -- [--cases 5000000] [--open 4000] [--db PATH] [--rebuild] [--runs 50]
using System.Diagnostics;
using System.Globalization;
using ComplaintConsole.Board;
using ComplaintConsole.Data;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

var cases = Arg("--cases", 5_000_000);
var openCases = Arg("--open", 4_000);
var runs = Arg("--runs", 50);
var dbPath = ArgText("--db") ?? Path.Combine(Path.GetTempPath(), $"board-bench-{cases}.db");
var rebuild = args.Contains("--rebuild");
var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = true }.ToString();
var options = new DbContextOptionsBuilder<SqliteComplaintsDbContext>()
    .UseSqlite(connectionString)
    .AddInterceptors(SqlitePragmas.Instance)
    .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
    .Options;
var factory = new Factory(options);
var now = SystemClock.Instance.GetCurrentInstant();

if (rebuild || !File.Exists(dbPath) || await CountAsync(factory) != cases)
{
    await BuildAsync(factory, dbPath, cases, openCases, now);
}

Console.WriteLine($"database: {dbPath} ({new FileInfo(dbPath).Length / (1024 * 1024)} MB), {await CountAsync(factory):N0} cases, {await OpenCountAsync(factory):N0} open");
await ExplainAsync(factory, now);

var calendars = new CalendarStore(factory);
var boardOptions = Options.Create(new BoardOptions());
IBoardService NewService() => new BoardService(factory, calendars, new OperatorShiftPresence(factory), TimeProvider.System, boardOptions, Options.Create(new ComplaintConsole.Sla.SlaOptions()));

var service = NewService();
var sw = Stopwatch.StartNew();
var first = await service.GetSnapshotAsync();
Console.WriteLine($"first snapshot (EF model, calendars, arrival history): {sw.Elapsed.TotalMilliseconds:F1} ms");
Console.WriteLine($"  total: queue {first.Total.QueueDepth}, claimed {first.Total.Claimed}, answered today {first.Total.AnsweredToday}, at risk {first.Total.AtRisk}, overdue {string.Join('/', first.Total.OverdueByLevel)}, in time today {first.Total.InTimeToday}, week {first.Total.InTimeWeek}, arrived today {first.Arrivals.TodayTotal}, weeks averaged {first.Arrivals.WeeksAveraged}");

Report("steady snapshot (live refresh)", await TimeAsync(runs, () => service.GetSnapshotAsync()));
Report("first snapshot of the day (history re-read)", await TimeAsync(Math.Max(5, runs / 5), () => NewService().GetSnapshotAsync()));
return 0;

static async Task<List<double>> TimeAsync(int n, Func<Task<BoardSnapshot>> action)
{
    var times = new List<double>(n);
    for (var i = 0; i < n; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    return times;
}

static void Report(string what, List<double> times)
{
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
    Console.WriteLine($"{what}: n={times.Count} min {times[0]:F1} ms, median {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms — target < 100 ms: {(P(0.95) < 100 ? "MET" : "MISSED")}");
}

static async Task<long> CountAsync(Factory factory)
{
    await using var db = factory.CreateDbContext();
    try
    {
        return await db.Complaints.LongCountAsync();
    }
    catch (SqliteException)
    {
        return -1;
    }
}

static async Task<long> OpenCountAsync(Factory factory)
{
    await using var db = factory.CreateDbContext();
    return await db.Complaints.LongCountAsync(c => c.Status != ComplaintStatus.Closed);
}

static async Task ExplainAsync(Factory factory, Instant now)
{
    await using var db = factory.CreateDbContext();
    var openQuery = db.Complaints.Where(c => c.Status != ComplaintStatus.Closed)
        .Select(c => new { c.DeskId, c.AgencyId, c.AssignedOperatorId, c.ReceivedAt, c.ResponseDueAt, c.FirstResponseAt, c.OverdueLevel })
        .ToQueryString();
    var ms = now.ToUnixTimeMilliseconds();
    string[] queries =
    [
        openQuery,
        $"SELECT \"DeskId\", \"AgencyId\", COUNT(*) FROM \"Complaints\" WHERE \"FirstResponseAt\" >= {ms - 3_600_000} AND \"FirstResponseAt\" < {ms + 3_600_000} GROUP BY \"DeskId\", \"AgencyId\"",
        $"SELECT \"DeskId\", \"AgencyId\", COUNT(*) FROM \"Complaints\" WHERE \"ResponseDueAt\" >= {ms - 86_400_000} AND \"ResponseDueAt\" <= {ms} GROUP BY \"DeskId\", \"AgencyId\"",
        $"SELECT COUNT(*) FROM \"Complaints\" WHERE \"ReceivedAt\" >= {ms - 86_400_000} AND \"ReceivedAt\" < {ms}",
    ];
    var connection = (SqliteConnection)db.Database.GetDbConnection();
    await connection.OpenAsync();
    foreach (var sql in queries)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Console.WriteLine($"plan: {string.Join(" | ", plan)}");
    }
}

static async Task BuildAsync(Factory factory, string path, int total, int open, Instant now)
{
    var sw = Stopwatch.StartNew();
    SqliteConnection.ClearAllPools();
    foreach (var f in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(f);
    }

    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
    }

    await new DemoData(factory).SeedAsync();
    var world = await SeedOperatorsAsync(factory);
    Console.WriteLine($"schema and demo world: {sw.Elapsed.TotalSeconds:F1} s");

    await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
    await connection.OpenAsync();
    Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");

    // Secondary indexes are dropped for the load and rebuilt after it: sorting once is far faster than 5M random inserts.
    var indexes = new List<(string Name, string Sql)>();
    await using (var command = connection.CreateCommand())
    {
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Complaints' AND sql IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
    }

    foreach (var (name, _) in indexes)
    {
        Exec(connection, $"DROP INDEX \"{name}\"");
    }

    var calendars = new CalendarStore(factory);
    var snapshot = await calendars.GetSnapshotAsync();
    var random = new Random(1405);
    var statuses = new[] { "New", "Assigned", "Responded", "Referred" };
    var categories = new[] { "delay", "no-response", "misconduct", "poor-service", "illegal-fee", "discrimination", "corruption", "waste", "other" };
    var subjects = new[] { "تأخیر در صدور پروانه", "عدم پاسخگویی تلفن", "برخورد نامناسب کارمند", "قطعی مکرر آب", "دریافت وجه اضافی", "کیفیت نامطلوب خدمات" };
    var historyStart = now - Duration.FromDays(730);

    await using var tx = connection.BeginTransaction();
    await using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    string[] columns =
    [
        "TrackingCode", "Kind", "Channel", "ComplainantName", "Mobile", "AgencyId", "CategoryCode", "Subject", "Description", "SearchKey",
        "ReceivedAt", "BusinessDayOfReceipt", "ResponseDueAt", "NextEscalationAt", "Status", "DeskId", "AssignedOperatorId", "AssignedAt",
        "FirstResponseAt", "ClosedAt", "OverdueLevel", "Version",
    ];
    insert.CommandText = $"INSERT INTO \"Complaints\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
    var p = columns.ToDictionary(c => c, c => insert.Parameters.Add(new SqliteParameter("$" + c, null)));
    insert.Prepare();

    var closedCount = total - open;
    for (var i = 0; i < total; i++)
    {
        var isOpen = i >= closedCount;

        // History spreads over two years with a daytime peak; open cases arrived in the last ten days.
        var received = isOpen
            ? now - Duration.FromSeconds(random.NextInt64(60, 10 * 86_400))
            : historyStart + Duration.FromSeconds((long)(i / (double)closedCount * 729 * 86_400) + DaytimeJitter(random));
        if (received > now)
        {
            received = now - Duration.FromMinutes(random.Next(1, 600));
        }

        var agency = world.Agencies[random.Next(world.Agencies.Length)];
        var calendar = snapshot.ById[snapshot.CalendarIdByDesk[agency.DeskId]];
        var deadline = calendar.Compute(received);
        var subject = subjects[random.Next(subjects.Length)];
        string status;
        string? assigned = null;
        Instant? assignedAt = null, firstResponse = null, closedAt = null;
        var level = 0;
        if (!isOpen)
        {
            status = "Closed";
            assigned = world.Operators[agency.DeskId][random.Next(world.Operators[agency.DeskId].Length)];
            assignedAt = received + Duration.FromMinutes(random.Next(5, 600));

            // About nine in ten answered by the deadline.
            firstResponse = random.NextDouble() < 0.9
                ? received + (deadline.ResponseDue - received) * random.NextDouble()
                : deadline.ResponseDue + Duration.FromHours(random.Next(1, 72));
            closedAt = firstResponse + Duration.FromHours(random.Next(1, 200));
            if (closedAt > now)
            {
                closedAt = now;
            }

            if (firstResponse > now)
            {
                firstResponse = now;
            }
        }
        else
        {
            status = statuses[random.Next(statuses.Length)];
            if (status != "New")
            {
                assigned = world.Operators[agency.DeskId][random.Next(world.Operators[agency.DeskId].Length)];
                assignedAt = received + Duration.FromMinutes(random.Next(1, 60));
                if (assignedAt > now)
                {
                    assignedAt = now;
                }
            }

            if (status is "Responded" or "Referred")
            {
                firstResponse = assignedAt;
            }
            else
            {
                level = calendar.EscalationLevel(deadline.ResponseDue, now);
            }
        }

        p["TrackingCode"].Value = "B" + i.ToString("D9", CultureInfo.InvariantCulture);
        p["Kind"].Value = i % 7 == 0 ? "Report" : "Complaint";
        p["Channel"].Value = (i % 3) switch { 0 => "Web", 1 => "Phone", _ => "Api" };
        p["ComplainantName"].Value = i % 7 == 0 ? DBNull.Value : "شهروند";
        p["Mobile"].Value = i % 7 == 0 ? DBNull.Value : "+98912" + (i % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        p["AgencyId"].Value = agency.Id;
        p["CategoryCode"].Value = categories[i % categories.Length];
        p["Subject"].Value = subject;
        p["Description"].Value = subject;
        p["SearchKey"].Value = subject;
        p["ReceivedAt"].Value = received.ToUnixTimeMilliseconds();
        p["BusinessDayOfReceipt"].Value = deadline.BusinessDayOfReceipt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["ResponseDueAt"].Value = deadline.ResponseDue.ToUnixTimeMilliseconds();
        p["NextEscalationAt"].Value = deadline.ResponseDue.ToUnixTimeMilliseconds();
        p["Status"].Value = status;
        p["DeskId"].Value = agency.DeskId;
        p["AssignedOperatorId"].Value = (object?)assigned ?? DBNull.Value;
        p["AssignedAt"].Value = (object?)assignedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p["FirstResponseAt"].Value = (object?)firstResponse?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p["ClosedAt"].Value = (object?)closedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        p["OverdueLevel"].Value = level;
        p["Version"].Value = 0;
        insert.ExecuteNonQuery();
        if ((i + 1) % 1_000_000 == 0)
        {
            Console.WriteLine($"  {i + 1:N0} rows, {sw.Elapsed.TotalSeconds:F0} s");
        }
    }

    await tx.CommitAsync();
    Console.WriteLine($"inserted {total:N0} cases: {sw.Elapsed.TotalSeconds:F1} s");
    foreach (var (name, sql) in indexes)
    {
        Exec(connection, sql);
        Console.WriteLine($"  index {name}: {sw.Elapsed.TotalSeconds:F1} s");
    }

    Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
    Console.WriteLine($"built in {sw.Elapsed.TotalSeconds:F1} s");
}

// Seconds to add to a day-spread timestamp so that arrivals cluster in office hours (UTC+3:30: 04:00–11:00 UTC).
static long DaytimeJitter(Random random) => random.NextDouble() < 0.7 ? random.Next(0, 3 * 3600) : random.Next(-6 * 3600, 6 * 3600);

static async Task<World> SeedOperatorsAsync(Factory factory)
{
    await using var db = factory.CreateDbContext();
    var role = new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Operator) { NormalizedName = Roles.Operator.ToUpperInvariant() };
    db.Roles.Add(role);
    var desks = await db.Desks.Select(d => d.Id).ToListAsync();
    var operators = new Dictionary<int, string[]>();
    var n = 0;
    foreach (var desk in desks)
    {
        var ids = new List<string>();
        for (var k = 0; k < 10; k++)
        {
            var user = new AppUser { UserName = $"bench{++n}", NormalizedUserName = $"BENCH{n}", DisplayName = $"اپراتور {n}", SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            db.DeskMembers.Add(new DeskMember { DeskId = desk, UserId = user.Id });
            ids.Add(user.Id);
        }

        operators[desk] = [.. ids];
    }

    await db.SaveChangesAsync();
    var agencies = await db.Agencies.Select(a => new AgencyRow(a.Id, a.DeskId)).ToArrayAsync();
    return new World(agencies, operators);
}

static void Exec(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    command.ExecuteNonQuery();
}

int Arg(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed record AgencyRow(int Id, int DeskId);

internal sealed record World(AgencyRow[] Agencies, Dictionary<int, string[]> Operators);

internal sealed class Factory(DbContextOptions<SqliteComplaintsDbContext> options) : IDbContextFactory<ComplaintsDbContext>
{
    public ComplaintsDbContext CreateDbContext() => new SqliteComplaintsDbContext(options);
}
