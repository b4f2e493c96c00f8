using System.Net;
using System.Text.Json;
using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Sla;

/// <summary>GET /api/v1/calendars/{code}/deadline through the whole app on its seeded SQLite file.</summary>
public sealed class DeadlineEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("2026-12-05T10:00:00+03:30", "2026-12-05", "2026-12-06T07:30:00+03:30")] // inside hours
    [InlineData("2026-12-05T06:00:00+03:30", "2026-12-05", "2026-12-06T07:30:00+03:30")] // before opening
    [InlineData("2026-12-05T14:30:00+03:30", "2026-12-06", "2026-12-07T07:30:00+03:30")] // closing time
    [InlineData("2026-12-09T20:00:00+03:30", "2026-12-12", "2026-12-13T07:30:00+03:30")] // Thursday and Friday closed
    [InlineData("2026-12-22T10:00:00+03:30", "2026-12-22", "2026-12-26T07:30:00+03:30")] // 13 Rajab
    [InlineData("2027-03-17T10:00:00+03:30", "2027-03-17", "2027-03-27T07:30:00+03:30")] // Nowruz
    public async Task GetDeadline_DesignExample_AnswersBusinessDayAndDeadline(string receivedAt, string business, string due)
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("tehran-hq", receivedAt), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("tehran-hq", body.GetProperty("calendar").GetString());
        Assert.Equal(receivedAt, body.GetProperty("receivedAt").GetString());
        Assert.Equal(business, body.GetProperty("businessDayOfReceipt").GetString());
        Assert.Equal(due, body.GetProperty("responseDueAt").GetString());
    }

    [Fact]
    public async Task GetDeadline_CountiesOnWednesday_DeadlineIsThursdayOpening()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("tehran-counties", "2026-12-09T10:00:00+03:30"), TestContext.Current.CancellationToken);

        var body = await ReadJsonAsync(response);
        Assert.Equal("2026-12-10T07:30:00+03:30", body.GetProperty("responseDueAt").GetString());
    }

    [Fact]
    public async Task GetDeadline_UtcInstant_EchoedInCalendarOffset()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("tehran-hq", "2026-12-05T06:30:00Z"), TestContext.Current.CancellationToken);

        var body = await ReadJsonAsync(response);
        Assert.Equal("2026-12-05T10:00:00+03:30", body.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-12-06T07:30:00+03:30", body.GetProperty("responseDueAt").GetString());
    }

    [Fact]
    public async Task GetDeadline_MinutePrecisionAndUpperCaseCode_Accepted()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("TEHRAN-HQ", "2026-12-05T14:29+03:30"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("tehran-hq", body.GetProperty("calendar").GetString());
        Assert.Equal("2026-12-05", body.GetProperty("businessDayOfReceipt").GetString());
    }

    [Fact]
    public async Task GetDeadline_UnencodedPlusArrivesAsSpace_StillParsed()
    {
        var client = app.CreateClient();

        // A phone IVR that does not encode the query: the '+' of the offset reaches the server as a space.
        var response = await client.GetAsync(new Uri("/api/v1/calendars/tehran-hq/deadline?receivedAt=2026-12-05T10:00:00+03:30", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("2026-12-05T10:00:00+03:30", body.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-12-06T07:30:00+03:30", body.GetProperty("responseDueAt").GetString());
    }

    [Fact]
    public async Task GetDeadline_UnknownCalendar_Returns404ProblemDetailsInPersianAndEnglish()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("no-such-calendar", "2026-12-05T10:00:00+03:30"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("calendar-not-found", problem.GetProperty("code").GetString());
        Assert.Equal("تقویم کاری «no-such-calendar» یافت نشد.", problem.GetProperty("title").GetString());
        Assert.Equal("Calendar 'no-such-calendar' was not found.", problem.GetProperty("title_en").GetString());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-12-05T10:00:00")] // no offset: ambiguous
    [InlineData("2026-12-05")]
    [InlineData("2026-13-05T10:00:00+03:30")]
    [InlineData("1405/09/14 10:00")] // Jalali text is for people, not for the API
    [InlineData("")]
    public async Task GetDeadline_MalformedInstant_Returns400ProblemDetails(string receivedAt)
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(DeadlineUri("tehran-hq", receivedAt), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("invalid-instant", problem.GetProperty("code").GetString());
        Assert.Contains("ISO 8601", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("زمان دریافت", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("receivedAt must be", problem.GetProperty("title_en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDeadline_NoReceivedAt_Returns400ProblemDetails()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/calendars/tehran-hq/deadline", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("invalid-instant", problem.GetProperty("code").GetString());
    }

    private static Uri DeadlineUri(string code, string receivedAt) =>
        new($"/api/v1/calendars/{Uri.EscapeDataString(code)}/deadline?receivedAt={Uri.EscapeDataString(receivedAt)}", UriKind.Relative);

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        return document.RootElement.Clone();
    }
}
