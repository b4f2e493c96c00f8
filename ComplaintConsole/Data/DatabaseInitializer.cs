using ComplaintConsole.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Data;

/// <summary>Applies the provider's migrations and seeds demo data before the server takes requests.</summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (options.Value.MigrateOnStartup || db.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (options.Value.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            if (seeded)
            {
                await scope.ServiceProvider.GetRequiredService<Identity.DemoAccounts>().SeedAsync(cancellationToken);
                logger.LogInformation("Seeded the demo agencies, desks, calendars and accounts");
            }

            // DemoCases itself checks that the Complaints table is empty, so a second start adds nothing.
            if (options.Value.SeedDemoCases)
            {
                await scope.ServiceProvider.GetRequiredService<DemoCases>().SeedAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
