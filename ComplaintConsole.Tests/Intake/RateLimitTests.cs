using System.Net;
using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Intake;

public sealed class RateLimitAppFactory : IntakeAppFactory
{
    public RateLimitAppFactory()
    {
        Settings["Api:Keys:0:PermitsPerMinute"] = "3";
        Settings["RateLimits:AnonymousApi:PermitLimit"] = "4";
        Settings["RateLimits:Pages:PermitLimit"] = "2";
        Settings["RateLimits:WebSubmissions:PermitLimit"] = "2";
        Settings["RateLimits:Lookups:PermitLimit"] = "3";
    }
}

/// <summary>Per-client limits answer 429 with Retry-After and problem details, and what they refuse changes nothing.</summary>
public sealed class RateLimitTests(RateLimitAppFactory app) : IClassFixture<RateLimitAppFactory>
{
    [Fact]
    public async Task Post_OverTheKeysLimit_Returns429WithRetryAfterAndStoresNothing()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), $"limit-{i}"))).StatusCode);
        }

        var before = await app.ComplaintCountAsync();

        var limited = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "limit-3"));
        var otherKey = await app.ClientWithKey(IntakeAppFactory.OtherSubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "limit-3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.Equal("rate-limited", (await IntakeAppFactory.JsonAsync(limited)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
        Assert.Equal(before + 1, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Get_PublicPageTooOften_Returns429WithRetryAfter()
    {
        var client = app.CreateClient();

        var first = await client.GetAsync("/complaint");
        var second = await client.GetAsync("/track");
        var third = await client.GetAsync("/complaint");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal("rate-limited", (await IntakeAppFactory.JsonAsync(third)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Get_AnonymousApiTooOften_Returns429()
    {
        var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/categories")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Submit_WebFormTooOftenFromOneAddress_RefusedAndNothingStored()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var request = new IntakeRequest
        {
            Kind = ComplaintKind.Report, AgencyCode = "tehran-tax", CategoryCode = "waste", Subject = "اتلاف بودجه",
            Description = "خرید تجهیزات بی‌استفاده با قیمت چند برابر بازار در اداره.",
        };
        Assert.IsType<IntakeResult.Filed>(await intake.SubmitAsync(request, IntakeSource.Web("198.51.100.7")));
        Assert.IsType<IntakeResult.Filed>(await intake.SubmitAsync(request, IntakeSource.Web("198.51.100.7")));
        var before = await app.ComplaintCountAsync();

        var third = await intake.SubmitAsync(request, IntakeSource.Web("198.51.100.7"));
        var otherClient = await intake.SubmitAsync(request, IntakeSource.Web("198.51.100.8"));
        var phone = await intake.SubmitAsync(request, IntakeSource.Phone("operator-1"));

        Assert.IsType<IntakeResult.RateLimited>(third);
        Assert.IsType<IntakeResult.Filed>(otherClient);
        Assert.IsType<IntakeResult.Filed>(phone);
        Assert.Equal(before + 2, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Track_TooManyLookups_RateLimitedEvenWithRightAnswer()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();

        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<TrackResult.NotFound>(await intake.TrackAsync("AAAAAAAAA", "09121234567", "203.0.113.9"));
        }

        Assert.IsType<TrackResult.RateLimited>(await intake.TrackAsync("AAAAAAAAA", "09121234567", "203.0.113.9"));
    }
}
