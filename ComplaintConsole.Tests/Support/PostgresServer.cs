using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// A private PostgreSQL from Debian's package, started once for the whole test run (collection
/// <see cref="CollectionName"/>) in a temporary folder on a free loopback port, and stopped at the end. Each test class
/// asks for its own database with <see cref="DatabaseForAsync"/>. There is no skipping: when the server binaries are
/// missing the tests fail and say how to install them, because CI installs the package.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string CollectionName = "PostgreSQL";

    private const string BinariesGlobRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new();
    private string? _root;
    private string? _binaries;
    private int _port;

    public async ValueTask InitializeAsync()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries not found ({BinariesGlobRoot}/*/bin/initdb is missing). The PostgreSQL tests need "
            + "Debian's package: run `apt-get install -y postgresql` (.ci/run installs it).");
        _root = Directory.CreateTempSubdirectory("complaints-pg-").FullName;
        if (RunsAsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user, which must own the folder.
            await RunAsync("chown", ["postgres:postgres", _root]);
        }

        await RunServerCommandAsync($"{_binaries}/initdb -D {_root}/data -A trust -U postgres -E UTF8 --locale=C --no-sync");
        _port = FreeLoopbackPort();

        // Durability is irrelevant for a throw-away cluster; fsync off keeps migrations fast.
        var options = $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunServerCommandAsync($"{_binaries}/pg_ctl -D {_root}/data -l {_root}/server.log -o '{options}' -w -t 60 start");
    }

    /// <summary>A fresh database for one test class (created on first call, then reused by the class's tests).</summary>
    public Task<string> DatabaseForAsync(Type testClass) =>
        _databases.GetOrAdd(
            "t_" + testClass.Name.ToLowerInvariant(),
            name => new Lazy<Task<string>>(() => CreateDatabaseAsync(name))).Value;

    /// <summary>The settings that point an <see cref="AppFactory"/> at the test class's own database.</summary>
    public async Task<Dictionary<string, string?>> AppSettingsForAsync(Type testClass) => new()
    {
        ["Database:Provider"] = nameof(ComplaintConsole.Data.DatabaseProvider.PostgreSQL),
        ["ConnectionStrings:Complaints"] = await DatabaseForAsync(testClass),
    };

    /// <summary>Copies <see cref="AppSettingsForAsync"/> into a factory's settings (before it starts).</summary>
    public async Task PointAtOwnDatabaseAsync(AppFactory app, Type testClass)
    {
        foreach (var (key, value) in await AppSettingsForAsync(testClass))
        {
            app.Settings[key] = value;
        }
    }

    /// <summary>Fails unless the started app really talks to PostgreSQL (a settings typo would silently test SQLite).</summary>
    public static async Task AssertOnPostgresAsync(IServiceProvider services)
    {
        var factory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ComplaintConsole.Data.ComplaintsDbContext>>(services);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(ComplaintConsole.Data.DatabaseProvider.PostgreSQL, db.Provider);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_root is null)
        {
            return;
        }

        if (_binaries is not null && File.Exists(Path.Combine(_root, "data", "postmaster.pid")))
        {
            await RunServerCommandAsync($"{_binaries}/pg_ctl -D {_root}/data -m immediate -w stop");
        }

        Directory.Delete(_root, recursive: true);
    }

    private async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string? FindBinaries() =>
        Directory.Exists(BinariesGlobRoot)
            ? Directory.GetDirectories(BinariesGlobRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunServerCommandAsync(string command) =>
        RunsAsRoot ? RunAsync("su", ["postgres", "-c", command]) : RunAsync("/bin/sh", ["-c", command]);

    private async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', arguments)}` did not finish within {CommandTimeout.TotalSeconds} s.{ServerLog()}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{fileName} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{await stdout}\n{await stderr}{ServerLog()}");
        }
    }

    private string ServerLog()
    {
        var log = _root is null ? null : Path.Combine(_root, "server.log");
        return log is not null && File.Exists(log) ? $"\nserver.log:\n{File.ReadAllText(log)}" : "";
    }
}

[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
