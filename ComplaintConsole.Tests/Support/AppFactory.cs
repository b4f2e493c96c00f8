using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// The whole app on its own SQLite file (real database, migrations, demo seed), started once per test class or
/// collection. <see cref="Settings"/> override configuration; <see cref="Clock"/> is the injected time.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("complaints-test-").FullName;

    public AppFactory()
    {
        Settings["ConnectionStrings:Complaints"] = $"Data Source={Path.Combine(_directory, "complaints.db")}";
        Settings["Database:SeedDemoCases"] = "false";
    }

    /// <summary>Configuration applied over appsettings.json; set before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The app's clock; starts at a fixed instant unless a test sets it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero));

    /// <summary>Use the system clock instead of <see cref="Clock"/> (browser tests, benchmarks).</summary>
    public bool UseSystemClock { get; set; }

    public string DatabasePath => Path.Combine(_directory, "complaints.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (!UseSystemClock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background job; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>Starts the app on a real loopback port (Kestrel) for browsers and SignalR clients.</summary>
public static class AppFactoryKestrelExtensions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Uri> Started = [];

    /// <summary>Starts Kestrel on a free loopback port once per factory; later calls return the same address.</summary>
    public static Uri StartOnLoopback(this AppFactory factory)
    {
        lock (Started)
        {
            if (Started.TryGetValue(factory, out var uri))
            {
                return uri;
            }

            factory.UseKestrel(0);
            factory.StartServer();
            var server = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
            var address = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            Started.Add(factory, uri);
            return uri;
        }
    }
}
