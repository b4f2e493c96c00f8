using System.Net;
using ComplaintConsole.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Intake;

/// <summary>The Idempotency-Key draft's cases on POST /api/v1/complaints.</summary>
public sealed class IdempotencyTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    [Fact]
    public async Task Post_WithoutIdempotencyKey_Returns400AndStoresNothing()
    {
        var before = await app.ComplaintCountAsync();

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idempotency-key-missing", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_OverlongIdempotencyKey_Returns400()
    {
        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), new string('k', 256)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idempotency-key-invalid", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_SameKeySameBody_ReplaysFirstStatusAndBodyWithoutSecondComplaint()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var first = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "\"same-key\""));
        var firstBody = await first.Content.ReadAsStringAsync();
        var count = await app.ComplaintCountAsync();

        var second = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "\"same-key\""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(count, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_SameKeyDifferentBody_Returns422AndStoresNothing()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "reused"));
        var count = await app.ComplaintCountAsync();

        var changed = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(subject: "موضوعی کاملاً دیگر"), "reused"));
        var invalid = await client.SendAsync(IntakeAppFactory.PostRaw("{}", "reused"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("idempotency-key-reused", (await IntakeAppFactory.JsonAsync(changed)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(count, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_KeyStillInFlight_Returns409()
    {
        // Holding the node's in-flight guard is exactly the state of a first request that has not committed yet.
        var guard = app.Services.GetRequiredService<IdempotencyGuard>();
        Assert.True(guard.TryEnter("intake-submit", "in-flight"));
        HttpResponseMessage response;
        try
        {
            response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "in-flight"));
        }
        finally
        {
            guard.Exit("intake-submit", "in-flight");
        }

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idempotency-key-in-flight", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, (await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "in-flight"))).StatusCode);
    }

    [Fact]
    public async Task Post_FiftyConcurrentWithOneKey_ExactlyOneComplaint()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.Task;
            var response = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody("tehran-roads"), "fifty"));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();

        start.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = results.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Body).Distinct().ToList();
        var body = Assert.Single(created);
        var code = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("trackingCode").GetString();
        var record = await app.WithDbAsync(db => db.IdempotencyRecords.SingleAsync(r => r.ApiKeyName == "intake-submit" && r.Key == "fifty"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Complaints.CountAsync(c => c.Id == record.ComplaintId)));
        Assert.Equal(code, await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == record.ComplaintId).Select(c => c.TrackingCode).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "fifty")));
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyFromAnotherApiKey_IsAnotherRequest()
    {
        var first = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "shared-name"));

        var other = await app.ClientWithKey(IntakeAppFactory.OtherSubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(subject: "موضوع سامانهٔ دیگر"), "shared-name"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(
            (await IntakeAppFactory.JsonAsync(first)).GetProperty("trackingCode").GetString(),
            (await IntakeAppFactory.JsonAsync(other)).GetProperty("trackingCode").GetString());
    }

    [Fact]
    public async Task Post_SameKeyAfterRetention_IsNewAndBefore24HoursStillReplays()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var first = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "retained"));
        var firstCode = (await IntakeAppFactory.JsonAsync(first)).GetProperty("trackingCode").GetString();

        app.Clock.Advance(TimeSpan.FromHours(23.9));
        var stillKept = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(subject: "پس از یک روز"), "retained"));
        app.Clock.Advance(TimeSpan.FromHours(0.2));
        await app.Services.GetRequiredService<IdempotencyCleanup>().DeleteExpiredAsync(CancellationToken.None);
        var kept = await app.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == "retained"));
        var afterwards = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(subject: "پس از یک روز"), "retained"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stillKept.StatusCode);
        Assert.Equal(0, kept);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.NotEqual(firstCode, (await IntakeAppFactory.JsonAsync(afterwards)).GetProperty("trackingCode").GetString());
    }
}
