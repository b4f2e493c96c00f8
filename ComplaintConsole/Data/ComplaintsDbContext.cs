using ComplaintConsole.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Data;

/// <summary>
/// The unit of work. One model for every provider; each provider has a subclass only so that its migration set is
/// found by type (see <see cref="SqliteComplaintsDbContext"/> and siblings).
/// </summary>
public class ComplaintsDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Desk> Desks => Set<Desk>();

    public DbSet<DeskMember> DeskMembers => Set<DeskMember>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<WorkCalendar> Calendars => Set<WorkCalendar>();

    public DbSet<WeeklySchedule> WeeklySchedules => Set<WeeklySchedule>();

    public DbSet<Holiday> Holidays => Set<Holiday>();

    public DbSet<Closure> Closures => Set<Closure>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();

    public DbSet<DailySummary> DailySummaries => Set<DailySummary>();
    public DbSet<Intake.IdempotencyRecord> IdempotencyRecords => Set<Intake.IdempotencyRecord>();
    public DbSet<OperatorShift> OperatorShifts => Set<OperatorShift>();

    public DatabaseProvider Provider => DatabaseProviders.Of(Database.ProviderName);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpApplicationVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpApplicationVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDbContext).Assembly);
        Configurations.ComplaintConfiguration.Configure(builder.Entity<Complaint>(), Provider);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as Unix milliseconds: they compare and sort in SQL on SQLite, SQL Server and PostgreSQL.
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeConverter>();
        configurationBuilder.Properties<IsoDayOfWeek>().HaveConversion<int>();
    }

    // SQLite has no rowversion: the token is bumped here for every modified versioned row.
    private void BumpApplicationVersions()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<Complaint>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}

public sealed class SqliteComplaintsDbContext(DbContextOptions<SqliteComplaintsDbContext> options) : ComplaintsDbContext(options);

public sealed class SqlServerComplaintsDbContext(DbContextOptions<SqlServerComplaintsDbContext> options) : ComplaintsDbContext(options);

public sealed class PostgresComplaintsDbContext(DbContextOptions<PostgresComplaintsDbContext> options) : ComplaintsDbContext(options);
