using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ComplaintConsole.Data;

// dotnet-ef builds each provider's context from these, without starting the app or reaching a server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteComplaintsDbContext>
{
    public SqliteComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteComplaintsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerComplaintsDbContext>
{
    public SqlServerComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerComplaintsDbContext>().UseSqlServer("Server=.;Database=Complaints;Trusted_Connection=True").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresComplaintsDbContext>
{
    public PostgresComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresComplaintsDbContext>().UseNpgsql("Host=localhost;Database=complaints").Options);
}
