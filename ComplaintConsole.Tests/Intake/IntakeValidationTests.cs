using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Intake;

/// <summary>Every validation rule through POST /api/v1/complaints: 400 problem details naming the field, nothing stored.</summary>
public sealed class IntakeValidationTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    public static TheoryData<string, string, string?, string> Rules => new()
    {
        // path to change, field reported, new value (null removes it), error code
        { "kind", "kind", null, "Error.Kind.Required" },
        { "kind", "kind", "Grievance", "Error.Kind.Required" },
        { "agencyCode", "agencyCode", null, "Error.Agency.Required" },
        { "agencyCode", "agencyCode", "ministry-of-magic", "Error.Agency.Unknown" },
        { "category", "category", "", "Error.Category.Required" },
        { "category", "category", "weather", "Error.Category.Unknown" },
        { "subject", "subject", "   ", "Error.Subject.Required" },
        { "subject", "subject", "بد", "Error.Subject.TooShort" },
        { "subject", "subject", new string('ع', 201), "Error.Subject.TooLong" },
        { "description", "description", null, "Error.Description.Required" },
        { "description", "description", "کوتاه است", "Error.Description.TooShort" },
        { "description", "description", new string('ع', 4001), "Error.Description.TooLong" },
        { "complainant", "complainant.name", null, "Error.Name.Required" },
        { "complainant.name", "complainant.name", "\u200F", "Error.Name.Required" },
        { "complainant.name", "complainant.name", new string('ن', 101), "Error.Name.TooLong" },
        { "complainant.nationalCode", "complainant.nationalCode", null, "Error.NationalCode.Required" },
        { "complainant.nationalCode", "complainant.nationalCode", "12345678", "Error.NationalCode.Format" },
        { "complainant.nationalCode", "complainant.nationalCode", "00123456x9", "Error.NationalCode.Format" },
        { "complainant.nationalCode", "complainant.nationalCode", "0012345678", "Error.NationalCode.Checksum" },
        { "complainant.nationalCode", "complainant.nationalCode", "1111111111", "Error.NationalCode.Checksum" },
        { "complainant.nationalCode", "complainant.nationalCode", "۰۰۰۰۰۰۰۰۰۰", "Error.NationalCode.Checksum" },
        { "complainant.mobile", "complainant.mobile", null, "Error.Mobile.Required" },
        { "complainant.mobile", "complainant.mobile", "02188776655", "Error.Mobile.Format" },
        { "complainant.mobile", "complainant.mobile", "0912123456", "Error.Mobile.Format" },
        { "complainant.mobile", "complainant.mobile", "+1 202 555 0100", "Error.Mobile.Format" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Post_BreakingOneRule_Returns400NamingFieldAndStoresNothing(string path, string field, string? value, string code)
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(IntakeAppFactory.ValidBody()))!.AsObject();
        Set(body, path, value);
        var before = await app.ComplaintCountAsync();

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey)
            .SendAsync(IntakeAppFactory.PostRaw(body.ToJsonString(), "rule-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await IntakeAppFactory.JsonAsync(response);
        Assert.Equal("validation-failed", json.GetProperty("code").GetString());
        Assert.Contains(code, json.GetProperty("error_codes").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("errors").GetProperty(field)[0].GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("errors_en").GetProperty(field)[0].GetString()));
        Assert.Equal(before, await app.ComplaintCountAsync());
    }

    [Fact]
    public async Task Post_ComplaintWithoutComplainant_RefusedBecauseOnlyReportsMayBeAnonymous()
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(IntakeAppFactory.ValidBody()))!.AsObject();
        body.Remove("complainant");

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.PostRaw(body.ToJsonString(), "anon-complaint"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await IntakeAppFactory.JsonAsync(response)).GetProperty("error_codes");
        Assert.True(errors.TryGetProperty("complainant.mobile", out _));
        Assert.True(errors.TryGetProperty("complainant.nationalCode", out _));
    }

    [Fact]
    public async Task Post_ReportWithPartialIdentity_AsksForTheRest()
    {
        var body = new { kind = "Report", agencyCode = "customs", category = "corruption", subject = "رشوه در گمرک", description = "کارمند باجه برای ترخیص کالا پول خارج از تعرفه خواست.", complainant = new { mobile = "09121234567" } };

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.Post(body, "partial"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await IntakeAppFactory.JsonAsync(response)).GetProperty("error_codes").TryGetProperty("complainant.nationalCode", out _));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"kind\": 5}")]
    public async Task Post_MalformedJson_Returns400(string json)
    {
        var before = await app.ComplaintCountAsync();

        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey).SendAsync(IntakeAppFactory.PostRaw(json, "bad-json-" + json.Length));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-json", (await IntakeAppFactory.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(before, await app.ComplaintCountAsync());
    }

    [Theory]
    [InlineData("09121234567")]
    [InlineData("9121234567")]
    [InlineData("+989121234567")]
    [InlineData("00989121234567")]
    [InlineData("989121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("٠٩١٢١٢٣٤٥٦٧")]
    [InlineData("0912-123-4567")]
    [InlineData("0912 123 4567")]
    [InlineData("+98 912 123 45 67")]
    public async Task Post_MobileInAnyWrittenForm_StoredAsInternational(string mobile)
    {
        var response = await app.ClientWithKey(IntakeAppFactory.SubmitKey)
            .SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(mobile: mobile), "mobile-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await IntakeAppFactory.JsonAsync(response)).GetProperty("trackingCode").GetString();
        Assert.Equal("+989121234567", await app.WithDbAsync(db => Task.FromResult(db.Complaints.Single(c => c.TrackingCode == code).Mobile)));
    }

    private static void Set(JsonObject body, string path, string? value)
    {
        var parts = path.Split('.');
        var target = body;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            target = target[parts[i]]!.AsObject();
        }

        if (value is null)
        {
            target.Remove(parts[^1]);
        }
        else
        {
            target[parts[^1]] = value;
        }
    }
}
