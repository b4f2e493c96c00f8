using System.Net;
using System.Text.Json;
using ComplaintConsole.Admin;
using ComplaintConsole.Domain;
using ComplaintConsole.Tests.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Admin;

/// <summary>
/// Routing changed by an administrator, seen by intake at once through the real HTTP pipeline on a real SQLite file:
/// new complaints follow the new desk and its calendar, filed cases stay where they are, inactive agencies are refused.
/// </summary>
public sealed class RoutingTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    private RoutingService Routing => app.Services.GetRequiredService<RoutingService>();

    [Fact]
    public async Task Save_MetroMovedToHealthDesk_NextComplaintRoutedThereWhileEarlierOpenCaseStaysOnUrban()
    {
        app.Clock.AdjustTime(TestCalendars.At(2026, 12, 9, 20).ToDateTimeOffset());
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var earlier = await PostAsync(client, "tehran-metro", "metro-before-move");
        Assert.Equal("urban", await DeskOfAsync(earlier));

        var result = await Routing.SaveAsync("tehran-metro", "health", active: true, "admin");
        var later = await PostAsync(client, "tehran-metro", "metro-after-move");

        var saved = Assert.IsType<RoutingResult.Saved>(result);
        Assert.True(saved.DeskChanged);
        Assert.Equal(1, saved.LeftBehind);
        Assert.Equal("2026-12-13T07:30:00+03:30", later.GetProperty("responseDueAt").GetString()); // tehran-hq: Thursday and Friday closed
        Assert.Equal("health", await DeskOfAsync(later));
        Assert.Equal("urban", await DeskOfAsync(earlier));
        Assert.Equal("2026-12-13T07:30:00+03:30", earlier.GetProperty("responseDueAt").GetString());
    }

    [Fact]
    public async Task Save_RoadsMovedToUtilitiesDesk_NextComplaintGetsDeadlineOfThatDesksCalendar()
    {
        app.Clock.AdjustTime(TestCalendars.At(2026, 12, 9, 20).ToDateTimeOffset());
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var earlier = await PostAsync(client, "tehran-roads", "roads-before-move");

        await Routing.SaveAsync("tehran-roads", "utilities", active: true, "admin");
        var later = await PostAsync(client, "tehran-roads", "roads-after-move");

        Assert.Equal("2026-12-13T07:30:00+03:30", earlier.GetProperty("responseDueAt").GetString()); // urban desk, tehran-hq
        Assert.Equal("utilities", await DeskOfAsync(later));
        Assert.Equal("2026-12-12T07:30:00+03:30", later.GetProperty("responseDueAt").GetString()); // tehran-counties: Thursday open
        Assert.Equal("urban", await DeskOfAsync(earlier));
    }

    [Fact]
    public async Task Save_AgencyDeactivated_GoneFromAgencyListAndPostRefusedWith400WhileFiledCaseKeepsItsDesk()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        var filed = await PostAsync(client, "nocr", "nocr-before-deactivation");
        Assert.Contains("nocr", await AgencyCodesAsync());

        var result = await Routing.SaveAsync("nocr", "national", active: false, "admin");
        var codes = await AgencyCodesAsync();
        var before = await app.ComplaintCountAsync();
        var refused = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody("nocr"), "nocr-after-deactivation"));

        Assert.False(Assert.IsType<RoutingResult.Saved>(result).DeskChanged);
        Assert.DoesNotContain("nocr", codes);
        Assert.Contains("customs", codes);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await IntakeAppFactory.JsonAsync(refused);
        Assert.Contains("Error.Agency.Unknown", problem.GetProperty("error_codes").GetProperty("agencyCode").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, await app.ComplaintCountAsync());
        Assert.Equal("national", await DeskOfAsync(filed));
        var row = Assert.Single((await Routing.GetAsync()).Agencies, a => a.Code == "nocr");
        Assert.False(row.Active);
        Assert.Equal(1, row.OpenCases);
    }

    [Fact]
    public async Task Save_AgencyReactivated_OfferedAgain()
    {
        await Routing.SaveAsync("mefa", "national", active: false, "admin");
        Assert.DoesNotContain("mefa", await AgencyCodesAsync());

        await Routing.SaveAsync("mefa", "national", active: true, "admin");

        Assert.Contains("mefa", await AgencyCodesAsync());
    }

    [Theory]
    [InlineData("ministry-of-magic", "health", "ministry-of-magic")]
    [InlineData("customs", "transport", "transport")]
    [InlineData("customs", "", "")]
    public async Task Save_UnknownAgencyOrDesk_RefusedBilinguallyAndNothingSaved(string agency, string desk, string named)
    {
        var before = await Routing.GetAsync();

        var result = await Routing.SaveAsync(agency, desk, active: false, "admin");

        var refused = Assert.IsType<RoutingResult.Refused>(result);
        Assert.Contains($"«{named}»", refused.Message.Fa);
        Assert.Contains("چیزی ذخیره نشد", refused.Message.Fa);
        Assert.Contains($"'{named}'", refused.Message.En);
        Assert.Contains("Nothing was saved", refused.Message.En);
        Assert.Equal(before.Agencies, (await Routing.GetAsync()).Agencies);
        Assert.Contains("customs", await AgencyCodesAsync());
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("supervisor")]
    [InlineData("operator1")]
    public async Task GetPage_NotAdministrator_SentToDenied(string user)
    {
        var client = await SignIn.ClientForAsync(app, user);

        var response = await client.GetAsync("/admin/routing");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/denied", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task GetPage_Anonymous_SentToLogin()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin/routing");

        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task GetPage_Administrator_ListsEveryAgencyRowByLayer()
    {
        var client = await SignIn.ClientForAsync(app, "admin");

        var html = await client.GetStringAsync("/admin/routing");

        Assert.Contains("data-agency=\"tehran-metro\"", html);
        Assert.Contains("data-agency=\"customs\"", html);
        Assert.Contains("data-layer=\"Provincial\"", html);
        Assert.Contains("data-layer=\"Regional\"", html);
        Assert.Contains("data-layer=\"National\"", html);
        Assert.Contains("href=\"/admin/routing\"", html);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string agency, string key)
    {
        var response = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(agency), key));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await IntakeAppFactory.JsonAsync(response);
    }

    private Task<string> DeskOfAsync(JsonElement receipt)
    {
        var code = receipt.GetProperty("trackingCode").GetString();
        return app.WithDbAsync(db => db.Complaints.Where(c => c.TrackingCode == code).Select(c => c.Desk!.Code).SingleAsync());
    }

    private async Task<string[]> AgencyCodesAsync()
    {
        var json = await IntakeAppFactory.JsonAsync(await app.CreateClient().GetAsync("/api/v1/agencies"));
        return [.. json.EnumerateArray().Select(a => a.GetProperty("code").GetString()!)];
    }
}
