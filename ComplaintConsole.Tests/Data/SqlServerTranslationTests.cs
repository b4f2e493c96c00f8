using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

// Not ComplaintConsole.Tests.Data: that namespace would hide ComplaintConsole.Data from every test namespace (Data.Seed...).
namespace ComplaintConsole.Tests.Persistence;

/// <summary>
/// SQL Server cannot run here, so its path is checked without a server: every query the app runs must translate
/// (EF prints the SQL), and the SQL Server migration set must produce the expected schema.
/// To cover a new query, add one line to <see cref="Queries"/>: a name and the same LINQ the app runs.
/// </summary>
public sealed class SqlServerTranslationTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 5, 6, 30);

    /// <summary>The app's queries, by where they live. Keep each identical to the code it names.</summary>
    private static readonly Dictionary<string, Func<ComplaintsDbContext, IQueryable>> Queries = new()
    {
        ["CalendarStore.LoadAsync: calendars"] = db => db.Calendars.AsNoTracking().AsSplitQuery()
            .Include(c => c.Schedules).ThenInclude(s => s.Ranges)
            .Include(c => c.Holidays)
            .Include(c => c.Closures),
        ["CalendarStore.LoadAsync: calendars (as one query)"] = db => db.Calendars.AsNoTracking().AsSingleQuery()
            .Include(c => c.Schedules).ThenInclude(s => s.Ranges)
            .Include(c => c.Holidays)
            .Include(c => c.Closures),
        ["CalendarStore.LoadAsync: desk calendars"] = db => db.Desks.AsNoTracking().Select(d => new { d.Id, d.CalendarId }),

        // Instants are Unix milliseconds so that these compare and sort in SQL on every provider.
        ["Instants: unanswered cases due by now, oldest first"] = db => db.Complaints
            .Where(c => c.FirstResponseAt == null && c.Status != ComplaintStatus.Closed && c.NextEscalationAt <= Now)
            .OrderBy(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.ReceivedAt, c.ResponseDueAt }),
        ["Instants: timeline of a case after a sequence number"] = db => db.ComplaintEvents
            .Where(e => e.ComplaintId == 1 && e.Id > 10 && e.At >= Now - Duration.FromDays(1))
            .OrderBy(e => e.Id),
    };

    public static TheoryData<string> QueryNames => new(Queries.Keys);

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void ToQueryString_AppQueryOnSqlServer_Translates(string name)
    {
        using var db = SqlServer();

        var sql = Queries[name](db).ToQueryString();

        TestContext.Current.TestOutputHelper?.WriteLine(sql);
        Assert.Contains("SELECT", sql, StringComparison.Ordinal);
        Assert.Contains("FROM [", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void ToQueryString_AppQueryOnSqliteAndPostgres_Translates(string name)
    {
        using var sqlite = new SqliteComplaintsDbContext(new DbContextOptionsBuilder<SqliteComplaintsDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresComplaintsDbContext(new DbContextOptionsBuilder<PostgresComplaintsDbContext>().UseNpgsql("Host=none").Options);

        var sqliteSql = Queries[name](sqlite).ToQueryString();
        var postgresSql = Queries[name](postgres).ToQueryString();

        Assert.Contains("SELECT", sqliteSql, StringComparison.Ordinal);
        Assert.Contains("SELECT", postgresSql, StringComparison.Ordinal);
    }

    [Fact]
    public void ToQueryString_InstantComparison_ComparesBigintMilliseconds()
    {
        using var db = SqlServer();

        var sql = Queries["Instants: unanswered cases due by now, oldest first"](db).ToQueryString();

        Assert.Contains(Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [c].[ReceivedAt]", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationScript_SqlServerMigrationSet_UsesRowversionForComplaints()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Complaints]", script, StringComparison.Ordinal);
        Assert.Contains("[Version] rowversion NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("[ReceivedAt] bigint NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationScript_PostgresMigrationSet_UsesSystemXminNotAColumn()
    {
        using var db = new PostgresComplaintsDbContext(new DbContextOptionsBuilder<PostgresComplaintsDbContext>().UseNpgsql("Host=none").Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Complaints\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("xmin xid", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Version\"", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public void HasPendingModelChanges_EachProviderMigrationSet_MatchesModel(DatabaseProvider provider)
    {
        using ComplaintsDbContext db = provider switch
        {
            DatabaseProvider.Sqlite => new SqliteComplaintsDbContext(new DbContextOptionsBuilder<SqliteComplaintsDbContext>().UseSqlite("Data Source=:memory:").Options),
            DatabaseProvider.SqlServer => SqlServer(),
            _ => new PostgresComplaintsDbContext(new DbContextOptionsBuilder<PostgresComplaintsDbContext>().UseNpgsql("Host=none").Options),
        };

        var pending = db.Database.HasPendingModelChanges();

        Assert.False(pending, $"The {provider} migration set is behind the model: regenerate migrations (Data/regenerate-migrations.sh).");
    }

    private static SqlServerComplaintsDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerComplaintsDbContext>().UseSqlServer("Server=none").Options);
}
