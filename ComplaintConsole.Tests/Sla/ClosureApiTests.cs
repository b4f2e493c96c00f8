using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintConsole.Api;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Sla;

/// <summary>The intake app plus a calendar-admin key, with the SLA triggers off so only the API moves deadlines.</summary>
public sealed class ClosureApiFactory : IntakeAppFactory
{
    public const string AdminKey = "test-calendar-admin-key-5e1b9c0d7a";

    /// <summary>The Development demo key documented in the README.</summary>
    public const string DemoGovernorateKey = "cc-demo-governorate-4yOzx1gAV4Jvwbm2hJDa";

    public ClosureApiFactory()
    {
        AddKey(4, "governorate", AdminKey, ApiScopes.CalendarAdmin);
        Settings["Sla:SchedulerEnabled"] = "false";
    }
}

/// <summary>
/// /api/v1/calendars/{code}/closures through the whole app on its SQLite file. Each test works in its own weeks, so
/// the closures and complaints of one test never move the deadlines another test looks at.
/// </summary>
public sealed partial class ClosureApiTests(ClosureApiFactory app) : IClassFixture<ClosureApiFactory>, IAsyncLifetime
{
    private const string Hq = DemoData.HeadquartersCalendar;
    private const string Counties = DemoData.CountiesCalendar;
    private const string ReadKey = IntakeAppFactory.ReadKey;
    private const string SubmitKey = IntakeAppFactory.SubmitKey;

    // The shared clock jumps between the tests' weeks, so an earlier test's open case would be overdue (or no longer
    // overdue) at a later declaration and counted among its retimed cases: each test starts with no open case.
    public async ValueTask InitializeAsync() =>
        await app.WithDbAsync(db => db.Complaints.Where(c => c.Status != ComplaintStatus.Closed)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ComplaintStatus.Closed)));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    // Whole day: Sunday closed, the Saturday case is due Monday.
    [InlineData("2026-12-05T10:00", "2026-12-05T18:00", "2026-12-06", null, null, "2026-12-06T07:30:00+03:30", "2026-12-07T07:30:00+03:30", 1)]
    // Only "to": Tuesday opens at 10:00, which is the new deadline.
    [InlineData("2026-12-14T10:00", "2026-12-14T20:00", "2026-12-15", null, "10:00", "2026-12-15T07:30:00+03:30", "2026-12-15T10:00:00+03:30", 1)]
    // Only "from": open until noon today, so a case received at 12:30 counts for Tuesday and is due Wednesday.
    [InlineData("2026-12-28T12:30", "2026-12-28T12:45", "2026-12-28", "12:00", null, "2026-12-29T07:30:00+03:30", "2026-12-30T07:30:00+03:30", 1)]
    // Range over the opening: Sunday opens at 09:30.
    [InlineData("2027-01-09T10:00", "2027-01-09T18:00", "2027-01-10", "07:00", "09:30", "2027-01-10T07:30:00+03:30", "2027-01-10T09:30:00+03:30", 1)]
    // Range in the middle of the day: the opening, hence the deadline, does not move.
    [InlineData("2027-01-16T10:00", "2027-01-16T18:00", "2027-01-17", "10:00", "12:00", "2027-01-17T07:30:00+03:30", "2027-01-17T07:30:00+03:30", 0)]
    public async Task Post_ClosureShape_Returns201WithLocationAndMovesOpenCaseDeadline(
        string receivedAt, string declaredAt, string date, string? from, string? to, string dueBefore, string dueAfter, int moved)
    {
        SetLocal(receivedAt);
        var complaint = await FileComplaintAsync("tehran-metro");
        Assert.Equal(dueBefore, (await ComplaintAsync(complaint)).GetProperty("responseDueAt").GetString());
        SetLocal(declaredAt);

        var response = await Admin().PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", new { date, from, to, reason = "آلودگی هوا" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/calendars/{Hq}/closures/{id}", response.Headers.Location!.ToString());
        Assert.Equal(date, json.GetProperty("date").GetString());
        Assert.Equal(from, json.GetProperty("from").GetString());
        Assert.Equal(to, json.GetProperty("to").GetString());
        Assert.Equal("آلودگی هوا", json.GetProperty("reason").GetString());
        Assert.Equal([Hq], Codes(json.GetProperty("calendars")));
        Assert.Equal("api:governorate", json.GetProperty("declaredBy").GetString());
        Assert.Equal(moved, json.GetProperty("casesRetimed").GetInt32());
        var after = await ComplaintAsync(complaint);
        Assert.Equal(dueAfter, after.GetProperty("responseDueAt").GetString());
        Assert.Equal(moved, after.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "DeadlineChanged"));
    }

    [Fact]
    public async Task Post_UpperCaseCodeAndPaddedValues_StoredCanonicalAndReadBack()
    {
        SetLocal("2026-12-05T10:00");

        var response = await Admin().PostAsync(
            "/api/v1/calendars/TEHRAN-HQ/closures",
            Json("""{"DATE":" 2026-11-23 ","From":"13:00","to":null,"reason":"  سوگواری  "}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.StartsWith($"/api/v1/calendars/{Hq}/closures/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var read = await JsonAsync(await Admin().GetAsync(response.Headers.Location));
        Assert.Equal("2026-11-23", read.GetProperty("date").GetString());
        Assert.Equal("13:00", read.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("to").ValueKind);
        Assert.Equal("سوگواری", read.GetProperty("reason").GetString());
        Assert.Equal(json.GetProperty("id").GetInt32(), read.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task GetList_RangeAndDefaultWindow_ListsThisCalendarsClosuresByDate()
    {
        SetLocal("2027-02-06T10:00");
        var later = await DeclareAsync(Hq, "2027-04-17", "گرما"); // today + 70: outside the default window
        var soon = await DeclareAsync(Hq, "2027-02-07", null, "12:00", "برف");
        var countiesOnly = await DeclareAsync(Counties, "2027-02-08", "آلودگی هوا");
        var reader = app.ClientWithKey(ReadKey);

        var ranged = await reader.GetAsync($"/api/v1/calendars/{Hq}/closures?from=2027-02-01&to=2027-04-30");
        var byDefault = await reader.GetAsync($"/api/v1/calendars/{Hq}/closures");
        var counties = await Admin().GetAsync($"/api/v1/calendars/{Counties}/closures?from=2027-02-01&to=2027-04-30");

        Assert.Equal(HttpStatusCode.OK, ranged.StatusCode);
        var list = (await JsonAsync(ranged)).EnumerateArray().ToArray();
        Assert.Equal([soon, later], list.Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal("2027-02-07", list[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("from").ValueKind);
        Assert.Equal("12:00", list[0].GetProperty("to").GetString());
        Assert.Equal("برف", list[0].GetProperty("reason").GetString());
        var defaults = (await JsonAsync(byDefault)).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray();
        Assert.Contains(soon, defaults);
        Assert.DoesNotContain(later, defaults);
        Assert.DoesNotContain(countiesOnly, defaults);
        Assert.Equal([countiesOnly], (await JsonAsync(counties)).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task GetOne_ClosureOfTheCalendar_ReturnsItAndOtherwise404()
    {
        SetLocal("2026-12-05T10:00");
        var id = await DeclareAsync(Hq, "2026-11-24", "10:00", "11:00", "مراسم");
        var reader = app.ClientWithKey(ReadKey);

        var found = await reader.GetAsync($"/api/v1/calendars/{Hq}/closures/{id}");
        var otherCalendar = await reader.GetAsync($"/api/v1/calendars/{Counties}/closures/{id}");
        var unknown = await reader.GetAsync($"/api/v1/calendars/{Hq}/closures/999999");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var json = await JsonAsync(found);
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal("2026-11-24", json.GetProperty("date").GetString());
        Assert.Equal("10:00", json.GetProperty("from").GetString());
        Assert.Equal("11:00", json.GetProperty("to").GetString());
        Assert.Equal("2026-12-05T10:00:00+03:30", json.GetProperty("declaredAt").GetString());
        await AssertProblemAsync(otherCalendar, HttpStatusCode.NotFound, "closure-not-found");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "closure-not-found");
    }

    [Fact]
    public async Task Delete_Closure_RestoresDeadlineAndDeletesIt()
    {
        SetLocal("2026-12-19T10:00");
        var complaint = await FileComplaintAsync("tehran-metro");
        SetLocal("2026-12-19T18:00");
        var id = await DeclareAsync(Hq, "2026-12-20", "آلودگی هوا");
        Assert.Equal("2026-12-21T07:30:00+03:30", (await ComplaintAsync(complaint)).GetProperty("responseDueAt").GetString());

        var response = await Admin().DeleteAsync($"/api/v1/calendars/{Hq}/closures/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal(1, json.GetProperty("casesRetimed").GetInt32());
        Assert.True(json.GetProperty("deleted").GetBoolean());
        Assert.Empty(json.GetProperty("remainingCalendars").EnumerateArray());
        Assert.Equal("2026-12-20T07:30:00+03:30", (await ComplaintAsync(complaint)).GetProperty("responseDueAt").GetString());
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.Id == id)));
        await AssertProblemAsync(await Admin().GetAsync($"/api/v1/calendars/{Hq}/closures/{id}"), HttpStatusCode.NotFound, "closure-not-found");
        await AssertProblemAsync(await Admin().DeleteAsync($"/api/v1/calendars/{Hq}/closures/{id}"), HttpStatusCode.NotFound, "closure-not-found");
    }

    [Fact]
    public async Task Delete_SharedClosureThroughOneCalendar_DetachesOnlyThatCalendar()
    {
        SetLocal("2027-01-02T10:00");
        var hqCase = await FileComplaintAsync("tehran-metro");
        var countiesCase = await FileComplaintAsync("tehran-water");
        SetLocal("2027-01-02T18:00");
        var changes = app.Services.GetRequiredService<CalendarChangeService>();
        var shared = await changes.DeclareClosureAsync(
            [Hq, Counties], new LocalDate(2027, 1, 3), null, null, "آلودگی هوا", "test", TestContext.Current.CancellationToken);
        var id = shared.Id!.Value;
        Assert.Equal(2, shared.Retime.Moved);
        Assert.Equal("2027-01-04T07:30:00+03:30", (await ComplaintAsync(countiesCase)).GetProperty("responseDueAt").GetString());
        Assert.Equal(1, (await changes.PreviewRemoveClosureFromCalendarAsync(Counties, id, TestContext.Current.CancellationToken)).WouldMove);

        var detached = await Admin().DeleteAsync($"/api/v1/calendars/{Counties}/closures/{id}");

        Assert.Equal(HttpStatusCode.OK, detached.StatusCode);
        var json = await JsonAsync(detached);
        Assert.Equal(1, json.GetProperty("casesRetimed").GetInt32());
        Assert.False(json.GetProperty("deleted").GetBoolean());
        Assert.Equal([Hq], Codes(json.GetProperty("remainingCalendars")));
        Assert.Equal("2027-01-03T07:30:00+03:30", (await ComplaintAsync(countiesCase)).GetProperty("responseDueAt").GetString());
        Assert.Equal("2027-01-04T07:30:00+03:30", (await ComplaintAsync(hqCase)).GetProperty("responseDueAt").GetString());
        var stillHq = await JsonAsync(await Admin().GetAsync($"/api/v1/calendars/{Hq}/closures/{id}"));
        Assert.Equal([Hq], Codes(stillHq.GetProperty("calendars")));
        await AssertProblemAsync(await Admin().GetAsync($"/api/v1/calendars/{Counties}/closures/{id}"), HttpStatusCode.NotFound, "closure-not-found");

        var last = await JsonAsync(await Admin().DeleteAsync($"/api/v1/calendars/{Hq}/closures/{id}"));

        Assert.True(last.GetProperty("deleted").GetBoolean());
        Assert.Equal(1, last.GetProperty("casesRetimed").GetInt32());
        Assert.Equal("2027-01-03T07:30:00+03:30", (await ComplaintAsync(hqCase)).GetProperty("responseDueAt").GetString());
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.Id == id)));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"date":"2026/11/25","reason":"آلودگی هوا"}""", "invalid-date" },
        { """{"date":"1405-09-04","reason":"آلودگی هوا"}""", "closure-date-out-of-range" }, // a Jalali date read as Gregorian year 1405
        { """{"date":"2026-02-30","reason":"آلودگی هوا"}""", "invalid-date" },
        { """{"date":"","reason":"آلودگی هوا"}""", "invalid-date" },
        { """{"reason":"آلودگی هوا"}""", "invalid-date" },
        { """{"date":"2028-06-01","reason":"آلودگی هوا"}""", "closure-date-out-of-range" },
        { """{"date":"2026-11-25","from":"25:00","reason":"آلودگی هوا"}""", "invalid-time" },
        { """{"date":"2026-11-25","to":"9:30","reason":"آلودگی هوا"}""", "invalid-time" },
        { """{"date":"2026-11-25","to":"10:00:00","reason":"آلودگی هوا"}""", "invalid-time" },
        { """{"date":"2026-11-25","from":"","reason":"آلودگی هوا"}""", "invalid-time" },
        { """{"date":"2026-11-25","from":"12:00","to":"10:00","reason":"آلودگی هوا"}""", "closure-range-invalid" },
        { """{"date":"2026-11-25","from":"10:00","to":"10:00","reason":"آلودگی هوا"}""", "closure-range-invalid" },
        { """{"date":"2026-11-25","reason":""}""", "reason-required" },
        { """{"date":"2026-11-25","reason":"   "}""", "reason-required" },
        { """{"date":"2026-11-25"}""", "reason-required" },
        { $$"""{"date":"2026-11-25","reason":"{{new string('آ', CalendarChangeService.MaxReasonLength + 1)}}"}""", "reason-too-long" },
        { """{"date":"2026-11-25","reason":"آلودگی هوا","calendars":["tehran-counties"]}""", "invalid-json" },
        { """{"date":"2026-11-25","reason":"آلودگی هوا","form":"10:00"}""", "invalid-json" },
        { """{"date":20261125,"reason":"آلودگی هوا"}""", "invalid-json" },
        { """{"date":"2026-11-25","from":10,"reason":"آلودگی هوا"}""", "invalid-json" },
        { """{"date":"2026-11-25","reason":["آلودگی هوا"]}""", "invalid-json" },
        { """{"date":"2026-11-25","date":"2026-11-26","reason":"آلودگی هوا"}""", "invalid-json" },
        { """{"date":"2026-11-25",""", "invalid-json" },
        { "[]", "invalid-json" },
        { "null", "invalid-json" },
        { "", "invalid-json" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Post_InvalidBody_Returns400ProblemInPersianAndEnglishAndChangesNothing(string body, string code)
    {
        SetLocal("2026-12-05T10:00");
        var before = await ClosureCountAsync();

        var response = await Admin().PostAsync($"/api/v1/calendars/{Hq}/closures", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await ClosureCountAsync());
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413AndChangesNothing()
    {
        var before = await ClosureCountAsync();
        var body = $$"""{"date":"2026-11-25","reason":"{{new string('x', ClosureEndpoints.MaxBodyBytes)}}"}""";

        var response = await Admin().PostAsync($"/api/v1/calendars/{Hq}/closures", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(before, await ClosureCountAsync());
    }

    [Fact]
    public async Task AnyEndpoint_UnknownCalendar_Returns404ProblemAndChangesNothing()
    {
        var before = await ClosureCountAsync();
        var body = new { date = "2026-11-25", reason = "آلودگی هوا" };

        var post = await Admin().PostAsJsonAsync("/api/v1/calendars/no-such-calendar/closures", body);
        var list = await Admin().GetAsync("/api/v1/calendars/no-such-calendar/closures");
        var one = await Admin().GetAsync("/api/v1/calendars/no-such-calendar/closures/1");
        var delete = await Admin().DeleteAsync("/api/v1/calendars/no-such-calendar/closures/1");

        var problem = await AssertProblemAsync(post, HttpStatusCode.NotFound, "calendar-not-found");
        Assert.Equal("تقویم کاری «no-such-calendar» یافت نشد.", problem.GetProperty("title").GetString());
        Assert.Equal("Calendar 'no-such-calendar' was not found.", problem.GetProperty("title_en").GetString());
        await AssertProblemAsync(list, HttpStatusCode.NotFound, "calendar-not-found");
        await AssertProblemAsync(one, HttpStatusCode.NotFound, "calendar-not-found");
        await AssertProblemAsync(delete, HttpStatusCode.NotFound, "calendar-not-found");
        Assert.Equal(before, await ClosureCountAsync());
    }

    [Fact]
    public async Task Post_SameClosureTwice_Returns409AndKeepsOne()
    {
        SetLocal("2026-12-05T10:00");
        var body = new { date = "2026-11-28", from = "11:00", reason = "آلودگی هوا" };
        var first = await Admin().PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);
        var before = await ClosureCountAsync();

        var second = await Admin().PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.Conflict, "closure-duplicate");
        Assert.Equal(before, await ClosureCountAsync());
    }

    [Theory]
    [InlineData("?from=2026/11/01", "invalid-date")]
    [InlineData("?to=tomorrow", "invalid-date")]
    [InlineData("?from=2027-01-10&to=2027-01-09", "date-range-invalid")]
    public async Task GetList_BadQuery_Returns400Problem(string query, string code)
    {
        var response = await Admin().GetAsync($"/api/v1/calendars/{Hq}/closures{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task AnyEndpoint_WithoutOrWithUnknownKey_Returns401AndChangesNothing()
    {
        SetLocal("2026-12-05T10:00");
        var id = await DeclareAsync(Hq, "2026-11-29", "آلودگی هوا");
        var before = await ClosureCountAsync();
        var body = new { date = "2026-11-30", reason = "آلودگی هوا" };

        var noKey = await app.ClientWithKey(null).PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);
        var wrongKey = await app.ClientWithKey("not-a-real-key").PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);
        var list = await app.ClientWithKey(null).GetAsync($"/api/v1/calendars/{Hq}/closures");
        var delete = await app.ClientWithKey(null).DeleteAsync($"/api/v1/calendars/{Hq}/closures/{id}");

        await AssertProblemAsync(noKey, HttpStatusCode.Unauthorized, "api-key-required");
        await AssertProblemAsync(wrongKey, HttpStatusCode.Unauthorized, "api-key-invalid");
        await AssertProblemAsync(list, HttpStatusCode.Unauthorized, "api-key-required");
        await AssertProblemAsync(delete, HttpStatusCode.Unauthorized, "api-key-required");
        Assert.Equal(before, await ClosureCountAsync());
        Assert.True(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task ChangeEndpoints_KeyWithoutCalendarAdmin_Returns403AndChangesNothing()
    {
        SetLocal("2026-12-05T10:00");
        var id = await DeclareAsync(Hq, "2026-11-30", "آلودگی هوا");
        var before = await ClosureCountAsync();
        var body = new { date = "2026-12-01", reason = "آلودگی هوا" };

        var postAsReader = await app.ClientWithKey(ReadKey).PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);
        var postAsSubmitter = await app.ClientWithKey(SubmitKey).PostAsJsonAsync($"/api/v1/calendars/{Hq}/closures", body);
        var deleteAsReader = await app.ClientWithKey(ReadKey).DeleteAsync($"/api/v1/calendars/{Hq}/closures/{id}");
        var listAsSubmitter = await app.ClientWithKey(SubmitKey).GetAsync($"/api/v1/calendars/{Hq}/closures");
        var listAsReader = await app.ClientWithKey(ReadKey).GetAsync($"/api/v1/calendars/{Hq}/closures?from=2026-11-30&to=2026-11-30");

        var problem = await AssertProblemAsync(postAsReader, HttpStatusCode.Forbidden, "api-scope-missing");
        Assert.Equal("This API key is not allowed to do this.", problem.GetProperty("title_en").GetString());
        await AssertProblemAsync(postAsSubmitter, HttpStatusCode.Forbidden, "api-scope-missing");
        await AssertProblemAsync(deleteAsReader, HttpStatusCode.Forbidden, "api-scope-missing");
        await AssertProblemAsync(listAsSubmitter, HttpStatusCode.Forbidden, "api-scope-missing");
        Assert.Equal(HttpStatusCode.OK, listAsReader.StatusCode);
        Assert.Equal([id], (await JsonAsync(listAsReader)).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(before, await ClosureCountAsync());
    }

    [Fact]
    public async Task Post_DocumentedDemoGovernorateKey_DeclaresClosureInDevelopment()
    {
        SetLocal("2026-12-05T10:00");

        var response = await app.ClientWithKey(ClosureApiFactory.DemoGovernorateKey)
            .PostAsJsonAsync($"/api/v1/calendars/{Counties}/closures", new { date = "2026-11-22", reason = "سوگواری" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("api:demo-governorate", (await JsonAsync(response)).GetProperty("declaredBy").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheClosureOperations()
    {
        var document = await JsonAsync(await app.CreateClient().GetAsync("/api/v1/openapi.json"));

        var paths = document.GetProperty("paths");
        var collection = paths.GetProperty("/api/v1/calendars/{code}/closures");
        var item = paths.GetProperty("/api/v1/calendars/{code}/closures/{id}");
        Assert.Equal("DeclareClosure", collection.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("ListClosures", collection.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetClosure", item.GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("RemoveClosure", item.GetProperty("delete").GetProperty("operationId").GetString());
        Assert.Contains("calendar-admin", collection.GetProperty("post").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private HttpClient Admin() => app.ClientWithKey(ClosureApiFactory.AdminKey);

    /// <summary>Sets the app's clock to a local Tehran time written yyyy-MM-ddTHH:mm.</summary>
    private void SetLocal(string local)
    {
        var value = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(local).Value;
        app.Clock.AdjustTime(value.InZoneStrictly(TestCalendars.Tehran).ToDateTimeOffset());
    }

    private async Task<string> FileComplaintAsync(string agency)
    {
        var response = await app.ClientWithKey(SubmitKey).SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(agency), Guid.NewGuid().ToString("N")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("trackingCode").GetString()!;
    }

    private async Task<JsonElement> ComplaintAsync(string trackingCode)
    {
        var response = await app.ClientWithKey(ReadKey).GetAsync($"/api/v1/complaints/{trackingCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private Task<int> DeclareAsync(string calendar, string date, string reason) => DeclareAsync(calendar, date, null, null, reason);

    private async Task<int> DeclareAsync(string calendar, string date, string? from, string? to, string reason)
    {
        var response = await Admin().PostAsJsonAsync($"/api/v1/calendars/{calendar}/closures", new { date, from, to, reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetInt32();
    }

    private Task<int> ClosureCountAsync() => app.WithDbAsync(db => db.Closures.CountAsync());

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string[] Codes(JsonElement array) => array.EnumerateArray().Select(c => c.GetString()!).ToArray();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches(PersianLetters(), problem.GetProperty("title").GetString());
        var english = problem.GetProperty("title_en").GetString();
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.DoesNotMatch(PersianLetters(), english);
        Assert.NotEqual(code, english);
        return problem;
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex PersianLetters();
}
