using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Sla;

/// <summary>
/// A class fixture: one <see cref="SlaHost"/> on the test class's own PostgreSQL database, shared by the class's tests
/// (so its fake clock only moves forward across them).
/// </summary>
public abstract class PostgresSlaHost<TTests>(PostgresServer postgres) : IAsyncLifetime
{
    public SlaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    protected virtual bool Scheduler => false;

    public async ValueTask InitializeAsync()
    {
        var settings = await postgres.AppSettingsForAsync(typeof(TTests));
        ConnectionString = settings["ConnectionStrings:Complaints"]!;
        Configure(settings);
        Host = SlaHost.Start(Scheduler, settings: settings);
        await PostgresServer.AssertOnPostgresAsync(Host.Services);
    }

    /// <summary>Another app on the same database: a second node.</summary>
    public async Task<SlaHost> StartAnotherNodeAsync()
    {
        var settings = await postgres.AppSettingsForAsync(typeof(TTests));
        Configure(settings);
        return SlaHost.Start(Scheduler, settings: settings);
    }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
