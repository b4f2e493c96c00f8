using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Complaints";

    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = configuration.GetSection(DatabaseOptions.Section).GetValue<DatabaseProvider?>(nameof(DatabaseOptions.Provider))
            ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(
                $"ConnectionStrings:{ConnectionStringName}", typeof(DatabaseOptions), [$"ConnectionStrings:{ConnectionStringName} is required."]);
        }

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                Register<SqliteComplaintsDbContext>(services, o => o.UseSqlite(sqlite));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerComplaintsDbContext>(services, o => o.UseSqlServer(connectionString));
                break;
            case DatabaseProvider.PostgreSQL:
                Register<PostgresComplaintsDbContext>(services, o => o.UseNpgsql(connectionString));
                break;
        }

        services.AddSingleton<CalendarStore>();
        services.AddScoped<Seed.DemoData>();
        services.AddScoped<Seed.DemoCases>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>Relative SQLite paths are taken from the content root; the folder is created if missing.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : ComplaintsDbContext
    {
        services.AddPooledDbContextFactory<TContext>(o =>
        {
            configure(o);
            o.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            if (typeof(TContext) == typeof(SqliteComplaintsDbContext))
            {
                o.AddInterceptors(SqlitePragmas.Instance);
            }
        });
        services.AddSingleton<IDbContextFactory<ComplaintsDbContext>>(sp => new Upcast<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));

        // Identity's stores want a scoped context.
        services.AddScoped<ComplaintsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    private sealed class Upcast<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ComplaintsDbContext>
        where TContext : ComplaintsDbContext
    {
        public ComplaintsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
