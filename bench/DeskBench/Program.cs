using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace DeskBench;

// Run: dotnet run -c Release --project bench/DeskBench -- [hubClients] [circuits] [complaints]
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // The app runs in a child process (its memory is measured alone); this process holds the clients.
        if (args is ["server"])
        {
            await BenchServer.RunAsync();
            return 0;
        }

        var hubClients = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var circuits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var complaints = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;

        using var server = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [.. ExeArgs(), "server"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        string? line;
        while ((line = await server.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
        }

        var baseUri = new Uri(line!["LISTENING ".Length..]);
        // Keep draining the server's output (a full pipe would block its logging); show the first lines.
        var serverLines = 0;
        _ = Task.Run(async () =>
        {
            while (await server.StandardOutput.ReadLineAsync() is { } l)
            {
                if (!l.Contains("RemoteNavigationManager", StringComparison.Ordinal) && !l.Contains("Requesting navigation", StringComparison.Ordinal) && Interlocked.Increment(ref serverLines) <= 200)
                {
                    Console.WriteLine("[server] " + l);
                }
            }
        });
        Console.WriteLine($"server pid {server.Id} at {baseUri}, {Environment.ProcessorCount} cores");
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        var cookies = new Dictionary<string, string>();
        for (var i = 0; i < BenchServer.BenchUsers; i++)
        {
            cookies[BenchServer.UserName(i)] = await SignInAsync(baseUri, BenchServer.UserName(i));
        }

        var idle = await http.GetFromJsonAsync<MemoryReport>("/bench/memory");
        Console.WriteLine($"idle server: managed {Mb(idle!.ManagedBytes)} MB, working set {Mb(idle.WorkingSetBytes)} MB");

        if (hubClients > 0)
        {
            await HubBenchAsync();
        }

        if (circuits > 0)
        {
            await CircuitBenchAsync();
        }

        server.StandardInput.Close();
        await server.WaitForExitAsync();
        return 0;

        async Task HubBenchAsync()
        {
            Console.WriteLine($"--- {hubClients} hub clients, {complaints} complaints filed one by one at ~20/s");
            var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var connections = new List<HubConnection>();
            var connect = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(32);
            await Task.WhenAll(Enumerable.Range(0, hubClients).Select(async i =>
            {
                var cookie = cookies[BenchServer.UserName(i % BenchServer.BenchUsers)];
                var c = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseUri, ComplaintsHub.Path), o =>
                    {
                        o.Headers["Cookie"] = cookie;
                        o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                    })
                    .Build();
                c.On<CaseEventMessage>(nameof(IComplaintsClient.CaseEvent), m =>
                {
                    if (sent.TryGetValue(m.TrackingCode, out var t0))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    }
                });
                await gate.WaitAsync();
                try
                {
                    await c.StartAsync();
                }
                finally
                {
                    gate.Release();
                }

                lock (connections)
                {
                    connections.Add(c);
                }
            }));
            Console.WriteLine($"connected {connections.Count} in {connect.Elapsed.TotalSeconds:0.0} s");
            var withClients = await http.GetFromJsonAsync<MemoryReport>("/bench/memory");
            Console.WriteLine($"server with hub clients: managed {Mb(withClients!.ManagedBytes)} MB, working set {Mb(withClients.WorkingSetBytes)} MB");

            for (var i = 0; i < 5; i++)
            {
                await http.PostAsync($"/bench/file?code=W{i:0000000}", null); // warm-up, not measured
            }

            await Task.Delay(1000);
            for (var i = 0; i < complaints; i++)
            {
                var code = $"H{i:0000000}";
                sent[code] = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync($"/bench/file?code={code}", null);
                response.EnsureSuccessStatusCode();
                await Task.Delay(50);
            }

            // Wait for every expected delivery, bounded.
            var expected = (long)hubClients * complaints;
            var wait = Stopwatch.StartNew();
            while (latencies.Count < expected && wait.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            var sorted = latencies.Order().ToArray();
            Console.WriteLine($"deliveries {sorted.Length}/{expected}; intake-to-delivery p50 {P(sorted, 0.50):0.0} ms, p99 {P(sorted, 0.99):0.0} ms, max {sorted.LastOrDefault():0.0} ms");
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }

        async Task CircuitBenchAsync()
        {
            Console.WriteLine($"--- up to {circuits} desk circuits (/desk over the Blazor protocol, {BenchServer.BenchUsers} operators)");
            var before = await http.GetFromJsonAsync<MemoryReport>("/bench/memory");
            var clients = new List<BlazorCircuitClient>();
            var failures = 0;
            var watch = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(16);
            await Task.WhenAll(Enumerable.Range(0, circuits).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var client = new BlazorCircuitClient(baseUri, cookies[BenchServer.UserName(i % BenchServer.BenchUsers)]);
                    await client.StartAsync("/desk");
                    lock (clients)
                    {
                        clients.Add(client);
                    }
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        Console.WriteLine("circuit failed: " + ex.Message);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            Console.WriteLine($"started {clients.Count} circuits ({failures} failed) in {watch.Elapsed.TotalSeconds:0.0} s");
            // Let every circuit finish its first load (queue read, JS interop) before measuring.
            var settle = Stopwatch.StartNew();
            while (clients.Any(c => !c.SawMarkup("queue")) && settle.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }

            var queueRendered = clients.Count(c => c.SawMarkup("data-panel=\"queue\"") || c.RenderBatches > 1);
            var after = await http.GetFromJsonAsync<MemoryReport>("/bench/memory");
            Console.WriteLine($"server with circuits: managed {Mb(after!.ManagedBytes)} MB (+{Mb(after.ManagedBytes - before!.ManagedBytes)}), working set {Mb(after.WorkingSetBytes)} MB (+{Mb(after.WorkingSetBytes - before.WorkingSetBytes)})");
            if (clients.Count > 0)
            {
                Console.WriteLine($"per circuit: managed {(after.ManagedBytes - before.ManagedBytes) / 1024.0 / clients.Count:0} KB, working set {(after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / clients.Count:0} KB; circuits showing the desk queue: {queueRendered}");
            }

            // One complaint: how long until every live desk circuit has re-rendered with it.
            foreach (var c in clients)
            {
                c.ResetBatchClock();
            }

            var t0 = Stopwatch.GetTimestamp();
            await http.PostAsync("/bench/file?code=C0000001", null);
            var wait = Stopwatch.StartNew();
            while (clients.Count(c => c.LastBatchAt > t0) < clients.Count && wait.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }

            var renders = clients.Where(c => c.LastBatchAt > t0).Select(c => Stopwatch.GetElapsedTime(t0, c.FirstBatchAfter(t0)).TotalMilliseconds).Order().ToArray();
            Console.WriteLine($"new complaint re-rendered on {renders.Length}/{clients.Count} circuits: p50 {P(renders, 0.5):0} ms, p99 {P(renders, 0.99):0} ms");
            Console.WriteLine($"circuits still alive: {clients.Count(c => c.Alive)}; JS errors reported: {clients.Sum(c => c.Errors)}");
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }

        static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

        static long Mb(long bytes) => bytes / (1024 * 1024);

        static string[] ExeArgs() => Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? [Environment.GetCommandLineArgs()[0]] : [];

        static async Task<string> SignInAsync(Uri baseUri, string user)
        {
            var jar = new CookieContainer();
            using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = baseUri };
            var form = await client.GetStringAsync("/login");
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var _ = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = user,
                ["Input.Password"] = ComplaintConsole.Identity.DemoAccounts.Password,
            }));
            return jar.GetCookieHeader(baseUri);
        }
    }
}
