using System.Net;
using ComplaintConsole.Domain;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Tests.Intake;

/// <summary>POST /api/v1/complaints through the group-commit writer on a real PostgreSQL (the EF insert path).</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresIntakeTests(PostgresIntakeTests.App app) : IClassFixture<PostgresIntakeTests.App>
{
    [Fact]
    public async Task Post_TwentyConcurrentWithDistinctKeys_StoresTwentyComplaintsEachWithItsReceivedEvent()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), $"concurrent-{i}"), TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = new List<string>();
        foreach (var response in responses)
        {
            codes.Add((await IntakeAppFactory.JsonAsync(response)).GetProperty("trackingCode").GetString()!);
        }

        Assert.Equal(20, codes.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => codes.Contains(c.TrackingCode))
            .Select(c => new { c.TrackingCode, c.Subject, Received = c.Events.Count(e => e.Kind == ComplaintEventKind.Received) })
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(codes.Order(), stored.Select(s => s.TrackingCode).Order());
        Assert.All(stored, s => Assert.Equal(1, s.Received));
        Assert.All(stored, s => Assert.Equal("تأخیر در صدور کارت بلیت", s.Subject));
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_StoresOneComplaintAndReplaysTheFirstAnswer()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var before = await app.ComplaintCountAsync();

        var first = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "twice"), TestContext.Current.CancellationToken);
        var second = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "twice"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(
            (await IntakeAppFactory.JsonAsync(first)).GetProperty("trackingCode").GetString(),
            (await IntakeAppFactory.JsonAsync(second)).GetProperty("trackingCode").GetString());
        Assert.Equal(before + 1, await app.ComplaintCountAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "twice", TestContext.Current.CancellationToken)));
    }

    public sealed class App(PostgresServer postgres) : IntakeAppFactory, IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            await postgres.PointAtOwnDatabaseAsync(this, typeof(PostgresIntakeTests));
            await PostgresServer.AssertOnPostgresAsync(Services);
        }
    }
}
