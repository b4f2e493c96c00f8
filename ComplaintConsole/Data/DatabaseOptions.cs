using System.ComponentModel.DataAnnotations;

namespace ComplaintConsole.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSQL,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up (always on for the embedded SQLite default).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill an empty database with the demo agencies, desks, calendars and accounts.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>With the demo world, also fill an empty Complaints table with a month of demo cases up to now.</summary>
    public bool SeedDemoCases { get; set; } = true;
}

public static class DatabaseProviders
{
    public static DatabaseProvider Of(string? efProviderName) => efProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSQL,
        _ => throw new NotSupportedException($"Unsupported EF Core provider '{efProviderName}'."),
    };
}
