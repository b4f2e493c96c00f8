using ComplaintConsole.Data;
using Quartz;

namespace ComplaintConsole.Sla;

public static class SlaServiceCollectionExtensions
{
    /// <summary>
    /// The overdue sweep, retiming, calendar changes, at-risk answers, daily summaries and their Quartz triggers:
    /// Quartz's in-memory store on SQLite, its clustered persistent store (schema created by the app) on PostgreSQL
    /// and SQL Server, where several nodes share the database.
    /// </summary>
    public static IServiceCollection AddSla(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlaOptions>()
            .Bind(configuration.GetSection(SlaOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<OverdueSweep>();
        services.AddSingleton<RetimeService>();
        services.AddSingleton<CalendarChangeService>();
        services.AddSingleton<AtRiskService>();
        services.AddSingleton<DailySummaryService>();
        services.AddSingleton<SlaScheduler>();
        services.AddSingleton<SlaJobs>();

        var provider = configuration.GetSection(DatabaseOptions.Section).GetValue<DatabaseProvider?>(nameof(DatabaseOptions.Provider))
            ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName) ?? "";
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "ComplaintConsole");
            switch (provider)
            {
                case DatabaseProvider.PostgreSQL:
                    q.UsePersistentStore(s =>
                    {
                        s.UsePostgres(connectionString);
                        s.ProvisionSchema();
                        s.UseClustering();
                    });
                    break;
                case DatabaseProvider.SqlServer:
                    q.UsePersistentStore(s =>
                    {
                        s.UseSqlServer(connectionString);
                        s.ProvisionSchema();
                        s.UseClustering();
                    });
                    break;
                default:
                    // Clustering is refused on SQLite, and one SQLite file means one node.
                    q.UseInMemoryStore();
                    break;
            }

            q.AddJob<OpeningSweepJob>(j => j.WithIdentity(SlaScheduler.OpeningSweepJob).StoreDurably());
            q.AddJob<SweepAllJob>(j => j.WithIdentity(SlaScheduler.SweepAllJob).StoreDurably());
            q.AddJob<DailySummaryJob>(j => j.WithIdentity(SlaScheduler.DailySummaryJob).StoreDurably());
        });

        var enabled = configuration.GetSection(SlaOptions.Section).GetValue<bool?>(nameof(SlaOptions.SchedulerEnabled)) ?? true;
        if (enabled)
        {
            services.AddHostedService<SlaStartup>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    // Registered after the data area's initializer, so the database is migrated before the triggers are computed.
    private sealed class SlaStartup(SlaScheduler scheduler) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => scheduler.ScheduleAllAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
