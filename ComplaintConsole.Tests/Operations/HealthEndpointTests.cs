using System.Net;
using System.Text.Json;
using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Operations;

/// <summary>The probes on a healthy app: real SQLite file, the Quartz scheduler on (as in appsettings.json).</summary>
public sealed class HealthEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Live_AppStarted_Returns200Healthy()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await HealthJson.ReadAsync(response);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_DatabaseAndSchedulerUp_Returns200WithEachCheck()
    {
        var client = app.CreateClient();

        // Quartz's hosted service starts the scheduler on its own thread after the host started: until then the node
        // is rightly not ready. Ask again for a bounded while, as a load balancer's readiness probe would.
        var response = await client.GetAsync("/health/ready");
        for (var tries = 0; response.StatusCode != HttpStatusCode.OK && tries < 100; tries++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            response = await client.GetAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store, no-cache", response.Headers.CacheControl?.ToString());
        var json = await HealthJson.ReadAsync(response);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        var checks = json.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal("Scheduler Running", checks.GetProperty("scheduler").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("intake-queue").GetProperty("status").GetString());
        Assert.True(checks.GetProperty("database").GetProperty("durationMs").GetDouble() >= 0);
    }
}

/// <summary>The database goes away under a running app (its SQLite folder is deleted).</summary>
public sealed class HealthDatabaseDownTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Ready_DatabaseGone_Returns503NamingTheDatabaseWhileLiveStays200()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // Without its folder SQLite can neither open nor re-create the file, so every new connection fails.
        Directory.Delete(Path.GetDirectoryName(app.DatabasePath)!, recursive: true);
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var json = await HealthJson.ReadAsync(ready);
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        var checks = json.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}

/// <summary>A probe every few seconds from several balancers must never be refused by the per-client limits.</summary>
public sealed class HealthRateLimitTests(HealthRateLimitTests.App app) : IClassFixture<HealthRateLimitTests.App>
{
    public const int PagesLimit = 3;

    public sealed class App : AppFactory
    {
        public App() => Settings["RateLimits:Pages:PermitLimit"] = PagesLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task HealthEndpoints_FarBeyondThePagesLimit_AreNeverRateLimited()
    {
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PagesLimit * 5; i++)
        {
            statuses.Add((await client.GetAsync("/health/live")).StatusCode);
            statuses.Add((await client.GetAsync("/health/ready")).StatusCode);
        }

        var tracking = new List<HttpStatusCode>();
        for (var i = 0; i <= PagesLimit; i++)
        {
            tracking.Add((await client.GetAsync("/track")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // The same client is limited on a public page: the limiter is on, the probes are exempt.
        Assert.Equal(HttpStatusCode.TooManyRequests, tracking[^1]);
    }
}

internal static class HealthJson
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
