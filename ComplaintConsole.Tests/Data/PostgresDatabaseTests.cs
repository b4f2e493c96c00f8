using ComplaintConsole.Data;
using ComplaintConsole.Tests.Support;

// Not ComplaintConsole.Tests.Data: that namespace would hide ComplaintConsole.Data from every test namespace (Data.Seed...).
namespace ComplaintConsole.Tests.Persistence;

/// <summary>The whole app started on a private PostgreSQL server: migrations, demo seed, xmin concurrency.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresDatabaseTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public async ValueTask InitializeAsync() => await postgres.PointAtOwnDatabaseAsync(_app, GetType());

    [Fact]
    public async Task StartUp_FreshPostgresDatabase_AppliesMigrationsAndSeedsDemoData()
    {
        var services = _app.Services;

        await DatabaseChecks.MigratedAndSeededAsync(services, DatabaseProvider.PostgreSQL);
    }

    [Fact]
    public async Task CalendarStore_SeededPostgresCalendars_GiveDesignDeadlines()
    {
        var services = _app.Services;

        await DatabaseChecks.StoredCalendarsGiveDesignDeadlinesAsync(services);
    }

    [Fact]
    public async Task SaveChanges_TwoOperatorsClaimSameXminOnPostgres_SecondThrowsConcurrencyException()
    {
        var services = _app.Services;

        await DatabaseChecks.SecondClaimOfSameVersionFailsAsync(services);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
