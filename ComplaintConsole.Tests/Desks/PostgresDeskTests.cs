using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Desks;

/// <summary>The claim race on PostgreSQL, where the concurrency token is the row's xmin.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresDeskTests(PostgresDeskTests.App app) : IClassFixture<PostgresDeskTests.App>
{
    [Fact]
    public async Task ClaimAsync_TwoHundredDoubleClaimsOnPostgres_ExactlyOneWinnerEach()
    {
        var outcomes = await ClaimRace.RunAsync(app.Services, 200, seed: 1406);

        await ClaimRace.AssertOneWinnerEachAsync(app.Services, outcomes);
    }

    public sealed class App(PostgresServer postgres) : AppFactory, IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            await postgres.PointAtOwnDatabaseAsync(this, typeof(PostgresDeskTests));
            await PostgresServer.AssertOnPostgresAsync(Services);
        }
    }
}
