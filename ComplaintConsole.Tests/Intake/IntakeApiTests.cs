using System.Net;
using System.Text.Json;
using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Intake;

/// <summary>POST /api/v1/complaints through the real pipeline on a real SQLite file: storage, routing, deadlines, auth.</summary>
public sealed class IntakeApiTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    [Fact]
    public async Task Post_ValidComplaint_Returns201WithLocationAndStoresNormalisedFields()
    {
        app.Clock.AdjustTime(TestCalendars.At(2026, 12, 5, 10).ToDateTimeOffset());
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var body = new
        {
            kind = "Complaint",
            agencyCode = "tehran-metro",
            category = "delay",
            subject = "\u202Eتاخير در صدور كارت\u202C",
            description = "بيش از دو ماه است كه كارت بليت من صادر نشده و كسي پاسخ نمي‌دهد. پرونده ۱۲۳۴",
            complainant = new { name = "علي رضايي", nationalCode = "۰۰۱۲۳۴۵۶۷۹", mobile = "+98 (912) 123-4567" },
        };

        var response = await client.SendAsync(IntakeAppFactory.Post(body, "create-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await IntakeAppFactory.JsonAsync(response);
        var code = json.GetProperty("trackingCode").GetString()!;
        Assert.True(TrackingCodes.IsValid(code));
        Assert.Equal($"/api/v1/complaints/{code}", response.Headers.Location!.ToString());
        Assert.Equal("2026-12-05T10:00:00+03:30", json.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-12-05", json.GetProperty("businessDayOfReceipt").GetString());
        Assert.Equal("2026-12-06T07:30:00+03:30", json.GetProperty("responseDueAt").GetString());
        Assert.Equal("New", json.GetProperty("status").GetString());

        var stored = await app.WithDbAsync(db => db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingCode == code));
        Assert.Equal("تاخیر در صدور کارت", stored.Subject);
        Assert.StartsWith("بیش از دو ماه است که کارت بلیت", stored.Description);
        Assert.Equal("علی رضایی", stored.ComplainantName);
        Assert.Equal("0012345679", stored.NationalCode);
        Assert.Equal("+989121234567", stored.Mobile);
        Assert.Contains("میخواهم", PersianText.SearchKey("می‌خواهم"));
        Assert.Contains("نمیدهد", stored.SearchKey);
        Assert.Contains("1234", stored.SearchKey);
        Assert.Contains("علی رضایی", stored.SearchKey);
        Assert.Equal(Channel.Api, stored.Channel);
        Assert.Equal("intake-submit", stored.ChannelSource);
        Assert.Null(stored.TrackingSecretHash);
        var received = Assert.Single(stored.Events);
        Assert.Equal(ComplaintEventKind.Received, received.Kind);
        Assert.Equal("api:intake-submit", received.Actor);
        Assert.True(received.Public);
    }

    [Theory]
    [InlineData("tehran-metro", "urban", 2026, 12, 9, 20, "2026-12-12", "2026-12-13T07:30:00+03:30")] // tehran-hq: Thu, Fri closed
    [InlineData("tehran-water", "utilities", 2026, 12, 9, 20, "2026-12-10", "2026-12-12T07:30:00+03:30")] // tehran-counties: Thursday open
    [InlineData("tums", "health", 2026, 12, 22, 10, "2026-12-22", "2026-12-26T07:30:00+03:30")] // 13 Rajab holiday
    [InlineData("customs", "national", 2027, 3, 17, 10, "2027-03-17", "2027-03-27T07:30:00+03:30")] // Nowruz
    public async Task Post_Agency_RoutedToItsDeskWithThatDesksDeadline(
        string agency, string desk, int year, int month, int day, int hour, string businessDay, string due)
    {
        app.Clock.AdjustTime(TestCalendars.At(year, month, day, hour).ToDateTimeOffset());
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);

        var response = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(agency), $"route-{agency}-{year}{month}{day}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await IntakeAppFactory.JsonAsync(response);
        Assert.Equal(businessDay, json.GetProperty("businessDayOfReceipt").GetString());
        Assert.Equal(due, json.GetProperty("responseDueAt").GetString());
        var code = json.GetProperty("trackingCode").GetString();
        var stored = await app.WithDbAsync(db => db.Complaints.Include(c => c.Desk).SingleAsync(c => c.TrackingCode == code));
        Assert.Equal(desk, stored.Desk!.Code);
        Assert.Equal(stored.ResponseDueAt, stored.NextEscalationAt);
    }

    [Fact]
    public async Task Post_AnonymousReport_Returns201WithSecretAndStoresNoIdentity()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var body = new
        {
            kind = "Report",
            agencyCode = "customs",
            category = "corruption",
            subject = "درخواست رشوه در گمرک",
            description = "کارمند باجه ترخیص برای انجام کار مبلغی خارج از تعرفه خواست.",
        };

        var response = await client.SendAsync(IntakeAppFactory.Post(body, "anonymous-1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await IntakeAppFactory.JsonAsync(response);
        var code = json.GetProperty("trackingCode").GetString()!;
        var secret = json.GetProperty("trackingSecret").GetString()!;
        var stored = await app.WithDbAsync(db => db.Complaints.SingleAsync(c => c.TrackingCode == code));
        Assert.Equal(ComplaintKind.Report, stored.Kind);
        Assert.Null(stored.ComplainantName);
        Assert.Null(stored.NationalCode);
        Assert.Null(stored.Mobile);
        Assert.Equal(TrackingSecrets.Hash(secret), stored.TrackingSecretHash);
        Assert.DoesNotContain(secret, stored.TrackingSecretHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutApiKey_Returns401ProblemAndStoresNothing()
    {
        var before = await app.ComplaintCountAsync();

        var none = await app.ClientWithKey(null).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "no-key"));
        var wrong = await app.ClientWithKey("not-a-real-key").SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "wrong-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        Assert.Equal("api-key-required", (await IntakeAppFactory.JsonAsync(none)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("api-key-invalid", (await IntakeAppFactory.JsonAsync(wrong)).GetProperty("code").GetString());
        Assert.Equal(before, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_KeyWithoutSubmitScope_Returns403()
    {
        var response = await app.ClientWithKey(IntakeAppFactory.ReadKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "read-only"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("api-scope-missing", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetComplaint_ReadScope_ReturnsStatusDeskDeadlineAndTimeline()
    {
        var created = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody("tehran-gas"), "read-me"));
        var code = (await IntakeAppFactory.JsonAsync(created)).GetProperty("trackingCode").GetString()!;

        var response = await app.ClientWithKey(IntakeAppFactory.ReadKey).GetAsync($"/api/v1/complaints/{code.ToLowerInvariant()[..3]}-{code[3..]}");
        var forbidden = await app.ClientWithKey(IntakeAppFactory.SubmitKey).GetAsync($"/api/v1/complaints/{code}");
        var missing = await app.ClientWithKey(IntakeAppFactory.ReadKey).GetAsync("/api/v1/complaints/AAAAAAAAA");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await IntakeAppFactory.JsonAsync(response);
        Assert.Equal(code, json.GetProperty("trackingCode").GetString());
        Assert.Equal("New", json.GetProperty("status").GetString());
        Assert.Equal("utilities", json.GetProperty("desk").GetProperty("code").GetString());
        Assert.Equal(0, json.GetProperty("overdueLevel").GetInt32());
        Assert.Equal("Api", json.GetProperty("channel").GetString());
        Assert.Equal("Received", json.GetProperty("timeline")[0].GetProperty("kind").GetString());
        Assert.False(json.TryGetProperty("mobile", out _));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("complaint-not-found", (await IntakeAppFactory.JsonAsync(missing)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetAgenciesAndCategories_WithoutKey_ListReferenceData()
    {
        var client = app.ClientWithKey(null);

        var agencies = await IntakeAppFactory.JsonAsync(await client.GetAsync("/api/v1/agencies"));
        var categories = await IntakeAppFactory.JsonAsync(await client.GetAsync("/api/v1/categories"));

        var metro = agencies.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "tehran-metro");
        Assert.Equal("شرکت بهره‌برداری متروی تهران", metro.GetProperty("nameFa").GetString());
        Assert.Equal("Provincial", metro.GetProperty("layer").GetString());
        Assert.Contains(agencies.EnumerateArray(), a => a.GetProperty("layer").GetString() == "National");
        Assert.Contains(categories.EnumerateArray(), c => c.GetProperty("code").GetString() == "corruption");
    }

    [Fact]
    public async Task Post_Committed_PublishedToLiveFeedAfterCommit()
    {
        var feed = app.Services.GetRequiredService<LiveFeed>();
        var seen = new TaskCompletionSource<(LiveEvent Event, bool InDatabase)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(async e =>
        {
            var inDb = await app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.TrackingCode == e.TrackingCode));
            seen.TrySetResult((e, inDb));
        }, e => e.Kind == ComplaintEventKind.Received && e.Actor == "api:intake-both");

        var response = await app.ClientWithKey(IntakeAppFactory.BothKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody("moh"), "live-1"));
        var (live, inDatabase) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((await IntakeAppFactory.JsonAsync(response)).GetProperty("trackingCode").GetString(), live.TrackingCode);
        Assert.True(inDatabase);
        Assert.True(live.Sequence > 0);
    }

    [Fact]
    public async Task Submit_WebAndPhoneChannels_RecordChannelSourceAndActor()
    {
        var intake = app.Services.GetRequiredService<IntakeService>();
        var request = new IntakeRequest
        {
            Kind = ComplaintKind.Complaint,
            AgencyCode = "tehran-education",
            CategoryCode = "misconduct",
            Subject = "برخورد نامناسب کارمند",
            Description = "کارمند واحد ثبت‌نام با ارباب‌رجوع برخورد توهین‌آمیز داشت.",
            Name = "مریم احمدی",
            NationalCode = "0012345679",
            Mobile = "09351234567",
        };

        var web = Assert.IsType<IntakeResult.Filed>(await intake.SubmitAsync(request, IntakeSource.Web("10.0.0.1")));
        var phone = Assert.IsType<IntakeResult.Filed>(await intake.SubmitAsync(request, IntakeSource.Phone("operator-42")));

        var stored = await app.WithDbAsync(db => db.Complaints.Include(c => c.Events)
            .Where(c => c.TrackingCode == web.Receipt.TrackingCode || c.TrackingCode == phone.Receipt.TrackingCode).ToListAsync());
        var webRow = stored.Single(c => c.TrackingCode == web.Receipt.TrackingCode);
        var phoneRow = stored.Single(c => c.TrackingCode == phone.Receipt.TrackingCode);
        Assert.Equal((Channel.Web, (string?)null, "citizen"), (webRow.Channel, webRow.ChannelSource, webRow.Events[0].Actor));
        Assert.Equal((Channel.Phone, (string?)"operator-42", "operator-42"), (phoneRow.Channel, phoneRow.ChannelSource, phoneRow.Events[0].Actor));
    }

    [Fact]
    public async Task Get_ComplaintPage_PrerendersFormWithAntiforgeryTokenAndHiddenHoneypot()
    {
        var html = await app.CreateClient().GetStringAsync("/complaint");

        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("name=\"website\"", html);
        Assert.Contains("aria-hidden=\"true\"", html);
        Assert.Contains("data-testid=\"complaint-form\"", html);
    }

    [Fact]
    public async Task Post_BodyLargerThanLimit_Returns413AndStoresNothing()
    {
        var before = await app.ComplaintCountAsync();
        var huge = JsonSerializer.Serialize(IntakeAppFactory.ValidBody(subject: new string('ب', 40_000)));

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.PostRaw(huge, "huge"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body-too-large", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, await app.ComplaintCountAsync());
    }
}
