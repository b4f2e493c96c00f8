using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

// Intake load benchmark: starts ComplaintConsole (Release, SQLite, its own temp database), drives
// POST /api/v1/complaints at a fixed arrival rate (open loop) for the given duration with a real HTTP client, reports
// throughput and latency, then checks that every acknowledged tracking code is in the database.
//
//   dotnet run -c Release --project bench/IntakeLoad -- [--rate 2000] [--duration 60] [--warmup 5] [--connections 32]
//
// Latency is measured from each request's scheduled send time (so a stalled server cannot hide queueing: no
// coordinated omission), and also as plain service time from the actual send.
var options = Options.Parse(args);
var root = FindRepositoryRoot();
var appDll = Path.Combine(root, "ComplaintConsole", "bin", "Release", "net10.0", "ComplaintConsole.dll");
if (!options.NoBuild)
{
    Run("dotnet", $"build \"{Path.Combine(root, "ComplaintConsole", "ComplaintConsole.csproj")}\" -c Release -v q -nologo", root);
}

var work = Directory.CreateTempSubdirectory("intake-load-").FullName;
var database = Path.Combine(work, "bench.db");
var apiKey = "bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
var port = options.Port;
var baseUri = new Uri($"http://127.0.0.1:{port}");

var start = new ProcessStartInfo("dotnet", $"\"{appDll}\" --urls {baseUri}")
{
    WorkingDirectory = Path.GetDirectoryName(appDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["ConnectionStrings__Complaints"] = $"Data Source={database}";
start.Environment["Database__SeedDemoCases"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
start.Environment["Api__Keys__0__Name"] = "bench";
start.Environment["Api__Keys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
start.Environment["Api__Keys__0__Scopes__0"] = "submit";
start.Environment["Api__Keys__0__PermitsPerMinute"] = "100000000";
using var server = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
server.OutputDataReceived += (_, e) => { if (e.Data is not null && options.Verbose) Console.WriteLine("[app] " + e.Data); };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine("[app] " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();

try
{
    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    };
    using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    await WaitForAppAsync(http);
    var agencies = JsonDocument.Parse(await http.GetStringAsync("/api/v1/agencies")).RootElement
        .EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToArray();
    var bodies = BuildBodies(agencies);
    Console.WriteLine($"App started (pid {server.Id}) on {baseUri}, database {database}");
    Console.WriteLine($"Rate {options.Rate}/s, {options.Connections} connections, warm-up {options.Warmup} s, measured {options.Duration} s, {Environment.ProcessorCount} cores");

    var warmup = await DriveAsync(http, apiKey, bodies, options.Rate, options.Warmup, "warmup");
    var serverCpuBefore = CpuSeconds(server);
    var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var measured = await DriveAsync(http, apiKey, bodies, options.Rate, options.Duration, "run");
    var serverCpu = CpuSeconds(server) - serverCpuBefore;
    var benchCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - benchCpuBefore;

    measured.Report(options.Duration, serverCpu, benchCpu);
    var acknowledged = warmup.Codes.Concat(measured.Codes).ToList();
    var missing = await VerifyAsync(database, acknowledged);
    Console.WriteLine(missing == 0
        ? $"Verified: all {acknowledged.Count:N0} acknowledged complaints (warm-up included) are in the database."
        : $"VERIFICATION FAILED: {missing:N0} of {acknowledged.Count:N0} acknowledged complaints are missing.");

    var passed = missing == 0 && measured.Errors == 0 && measured.P(0.99) < 50 && measured.Completed >= options.Rate * options.Duration * 0.99;
    Console.WriteLine(passed ? "RESULT: target met (rate sustained, p99 < 50 ms, zero errors, nothing lost)" : "RESULT: target NOT met");
    return passed ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    SqliteConnection.ClearAllPools();
    if (!options.KeepDatabase)
    {
        Directory.Delete(work, recursive: true);
    }
}

static async Task<Results> DriveAsync(HttpClient http, string apiKey, byte[][] bodies, int rate, int seconds, string label)
{
    var total = rate * seconds;
    var results = new Results(total);
    var tasks = new List<Task>(total);
    var clock = Stopwatch.StartNew();
    var sent = 0;
    while (sent < total)
    {
        var due = (long)(clock.Elapsed.TotalSeconds * rate);
        while (sent < total && sent < due)
        {
            var index = sent++;
            var scheduled = index * (double)Stopwatch.Frequency / rate;
            tasks.Add(SendAsync(http, apiKey, bodies[index % bodies.Length], $"{label}-{index}", index, (long)scheduled, clock, results));
        }

        await Task.Delay(1);
    }

    await Task.WhenAll(tasks);
    results.Elapsed = clock.Elapsed;
    return results;
}

static async Task SendAsync(HttpClient http, string apiKey, byte[] body, string idempotencyKey, int index, long scheduledTicks, Stopwatch clock, Results results)
{
    var sentAt = clock.ElapsedTicks;
    try
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var end = clock.ElapsedTicks;
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var code = JsonDocument.Parse(text).RootElement.GetProperty("trackingCode").GetString()!;
            results.Record(index, end - scheduledTicks, end - sentAt, code);
        }
        else
        {
            results.Fail(index, end - scheduledTicks, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
    }
    catch (HttpRequestException ex)
    {
        results.Fail(index, clock.ElapsedTicks - scheduledTicks, ex.GetType().Name);
    }
    catch (TaskCanceledException)
    {
        results.Fail(index, clock.ElapsedTicks - scheduledTicks, "timeout");
    }
}

static byte[][] BuildBodies(string[] agencies)
{
    string[] categories = ["delay", "no-response", "misconduct", "poor-service", "illegal-fee", "other"];
    var bodies = new byte[1024][];
    for (var i = 0; i < bodies.Length; i++)
    {
        var anonymousReport = i % 10 == 0;
        object body = anonymousReport
            ? new { kind = "Report", agencyCode = agencies[i % agencies.Length], category = "corruption", subject = $"گزارش تخلف شماره {i}", description = "کارمند باجه برای انجام کار اداری مبلغی خارج از تعرفه درخواست کرد." }
            : new
            {
                kind = "Complaint",
                agencyCode = agencies[i % agencies.Length],
                category = categories[i % categories.Length],
                subject = $"تأخیر در رسیدگی به درخواست {i}",
                description = "بیش از دو ماه است که درخواست من بی‌پاسخ مانده و هر بار به واحد دیگری ارجاع داده می‌شوم.",
                complainant = new { name = "علی رضایی", nationalCode = "0012345679", mobile = $"0912{i % 10000000:0000000}" },
            };
        bodies[i] = JsonSerializer.SerializeToUtf8Bytes(body);
    }

    return bodies;
}

static async Task WaitForAppAsync(HttpClient http)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var response = await http.GetAsync("/api/v1/categories");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
        }

        if (deadline.Elapsed > TimeSpan.FromSeconds(60))
        {
            throw new TimeoutException("The app did not answer within 60 s.");
        }

        await Task.Delay(200);
    }
}

static async Task<int> VerifyAsync(string database, List<string> codes)
{
    await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT TrackingCode FROM Complaints";
    var stored = new HashSet<string>(StringComparer.Ordinal);
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }
    }

    Console.WriteLine($"Database holds {stored.Count:N0} complaints.");
    return codes.Count(c => !stored.Contains(c));
}

static double CpuSeconds(Process process)
{
    process.Refresh();
    return process.TotalProcessorTime.TotalSeconds;
}

static void Run(string file, string arguments, string directory)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory }) ?? throw new InvalidOperationException(file);
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}.");
    }
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ComplaintConsole.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (ComplaintConsole.sln not found above the binary).");
}

internal sealed class Results(int capacity)
{
    private readonly double[] _latencyMs = new double[capacity];
    private readonly double[] _serviceMs = new double[capacity];
    private readonly bool[] _ok = new bool[capacity];
    private readonly Dictionary<string, int> _errors = [];
    private readonly Lock _gate = new();

    public List<string> Codes { get; } = new(capacity);

    public TimeSpan Elapsed { get; set; }

    public int Completed { get; private set; }

    public int Errors { get; private set; }

    public void Record(int index, long latencyTicks, long serviceTicks, string code)
    {
        _latencyMs[index] = latencyTicks * 1000.0 / Stopwatch.Frequency;
        _serviceMs[index] = serviceTicks * 1000.0 / Stopwatch.Frequency;
        _ok[index] = true;
        lock (_gate)
        {
            Codes.Add(code);
            Completed++;
        }
    }

    public void Fail(int index, long latencyTicks, string reason)
    {
        _latencyMs[index] = latencyTicks * 1000.0 / Stopwatch.Frequency;
        lock (_gate)
        {
            Errors++;
            _errors[reason] = _errors.GetValueOrDefault(reason) + 1;
        }
    }

    public double P(double q) => Percentile(_latencyMs.Where((_, i) => _ok[i]).ToArray(), q);

    public void Report(int seconds, double serverCpu, double benchCpu)
    {
        var latency = _latencyMs.Where((_, i) => _ok[i]).ToArray();
        var service = _serviceMs.Where((_, i) => _ok[i]).ToArray();
        Array.Sort(latency);
        Array.Sort(service);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"Completed {Completed:N0} complaints (201) in {Elapsed.TotalSeconds:F1} s: {Completed / Elapsed.TotalSeconds:F0}/s; errors {Errors:N0}"));
        foreach (var (reason, count) in _errors)
        {
            Console.WriteLine($"  error {reason}: {count:N0}");
        }

        Console.WriteLine(string.Create(inv, $"Latency from scheduled send (ms): p50 {Sorted(latency, 0.5):F1}  p90 {Sorted(latency, 0.9):F1}  p99 {Sorted(latency, 0.99):F1}  p99.9 {Sorted(latency, 0.999):F1}  max {(latency.Length == 0 ? 0 : latency[^1]):F1}"));
        Console.WriteLine(string.Create(inv, $"Service time from actual send (ms): p50 {Sorted(service, 0.5):F1}  p90 {Sorted(service, 0.9):F1}  p99 {Sorted(service, 0.99):F1}  max {(service.Length == 0 ? 0 : service[^1]):F1}"));
        Console.WriteLine(string.Create(inv, $"CPU over the run: app {serverCpu:F1} s ({serverCpu / seconds * 100:F0}% of one core), load generator {benchCpu:F1} s ({benchCpu / seconds * 100:F0}%)"));
    }

    private static double Percentile(double[] values, double q)
    {
        Array.Sort(values);
        return Sorted(values, q);
    }

    private static double Sorted(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}

internal sealed record Options(int Rate, int Duration, int Warmup, int Connections, int Port, bool NoBuild, bool KeepDatabase, bool Verbose)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(2000, 60, 5, 32, 5190, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            o = args[i] switch
            {
                "--rate" => o with { Rate = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--duration" => o with { Duration = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--warmup" => o with { Warmup = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--connections" => o with { Connections = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--port" => o with { Port = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--no-build" => o with { NoBuild = true },
                "--keep-database" => o with { KeepDatabase = true },
                "--verbose" => o with { Verbose = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --rate N --duration S --warmup S --connections N --port P --no-build --keep-database --verbose"),
            };
        }

        return o;
    }
}
