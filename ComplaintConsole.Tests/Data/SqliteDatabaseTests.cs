using ComplaintConsole.Data;
using ComplaintConsole.Tests.Support;
using Microsoft.Data.Sqlite;

// Not ComplaintConsole.Tests.Data: that namespace would hide ComplaintConsole.Data from every test namespace (Data.Seed...).
namespace ComplaintConsole.Tests.Persistence;

/// <summary>The embedded default on a real SQLite file, through the app's start-up (migrations, demo seed).</summary>
public sealed class SqliteDatabaseTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task StartUp_FreshSqliteFile_AppliesMigrationsAndSeedsDemoData()
    {
        var services = app.Services;

        await DatabaseChecks.MigratedAndSeededAsync(services, DatabaseProvider.Sqlite);

        Assert.True(File.Exists(app.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CalendarStore_SeededSqliteCalendars_GiveDesignDeadlines()
    {
        var services = app.Services;

        await DatabaseChecks.StoredCalendarsGiveDesignDeadlinesAsync(services);
    }

    [Fact]
    public async Task SaveChanges_TwoOperatorsClaimSameVersionOnSqlite_SecondThrowsConcurrencyException()
    {
        var services = app.Services;

        await DatabaseChecks.SecondClaimOfSameVersionFailsAsync(services);
    }
}
