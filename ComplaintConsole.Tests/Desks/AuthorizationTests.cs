using System.Net;
using System.Net.Http.Json;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintConsole.Tests.Desks;

/// <summary>Every role against every page and endpoint this feature adds, over HTTP through the real sign-in.</summary>
public sealed class AuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string?, string> DeskPage => new()
    {
        { null, "login" },
        { "operator1", "ok" },
        { "operator3", "ok" },
        { "supervisor", "denied" },
        { "manager", "denied" },
        { "admin", "denied" },
    };

    // An urban case: operators of urban read it, operators of health do not, supervisors and managers do, admins do not.
    public static TheoryData<string?, string> CasePage => new()
    {
        { null, "login" },
        { "operator1", "ok" },
        { "operator3", "missing" },
        { "supervisor", "ok" },
        { "manager", "ok" },
        { "admin", "denied" },
    };

    [Theory]
    [MemberData(nameof(DeskPage))]
    public async Task Desk_EachRole_GetsWhatTheRuleSays(string? user, string expected)
    {
        var client = await ClientAsync(user);

        var response = await client.GetAsync("/desk");

        AssertOutcome(response, expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(CasePage))]
    public async Task Case_EachRole_GetsWhatTheRuleSays(string? user, string expected)
    {
        var c = await TestComplaints.FileAsync(app.Services, nationalCode: "0098765432", mobile: "+989351112233");
        var client = await ClientAsync(user);

        var response = await client.GetAsync($"/cases/{c.TrackingCode}");
        var html = await response.Content.ReadAsStringAsync();

        AssertOutcome(response, expected, html);
        if (expected == "ok")
        {
            Assert.Contains($"data-tracking-code=\"{c.TrackingCode}\"", html);
            Assert.DoesNotContain("0098765432", html);
            Assert.DoesNotContain("09351112233", html);
            Assert.Contains("•••••••432", html);
        }
        else
        {
            Assert.DoesNotContain(c.Subject + "<", html.Replace("<title>", "", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("operator1", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("manager", HttpStatusCode.OK)]
    public async Task LiveEvents_EachRole_StatusAsTheRuleSays(string? user, HttpStatusCode expected)
    {
        var client = await ClientAsync(user);

        var response = await client.GetAsync("/api/live/events?after=0");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task LiveEvents_Operators_ReadOnlyTheirDesks_SupervisorsAndManagersEverything()
    {
        var urban = await TestComplaints.FileAsync(app.Services);
        var health = await TestComplaints.FileAsync(app.Services, agencyCode: "tums");

        var byUser = new Dictionary<string, List<CaseEventMessage>>();
        foreach (var user in new[] { "operator1", "operator3", "supervisor", "manager" })
        {
            var client = await ClientAsync(user);
            byUser[user] = (await client.GetFromJsonAsync<List<CaseEventMessage>>($"/api/live/events?after={urban.Events[0].Id - 1}"))!;
        }

        Assert.Contains(byUser["operator1"], e => e.TrackingCode == urban.TrackingCode);
        Assert.DoesNotContain(byUser["operator1"], e => e.TrackingCode == health.TrackingCode);
        Assert.Contains(byUser["operator3"], e => e.TrackingCode == health.TrackingCode);
        Assert.DoesNotContain(byUser["operator3"], e => e.TrackingCode == urban.TrackingCode);
        Assert.All(new[] { "supervisor", "manager" }, u =>
        {
            Assert.Contains(byUser[u], e => e.TrackingCode == urban.TrackingCode);
            Assert.Contains(byUser[u], e => e.TrackingCode == health.TrackingCode);
        });
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "")]
    [InlineData("admin", HttpStatusCode.Forbidden, "")]
    [InlineData("operator1", HttpStatusCode.OK, "")]
    [InlineData("supervisor", HttpStatusCode.OK, "health,urban")]
    [InlineData("manager", HttpStatusCode.OK, "health,national,urban,utilities")]
    public async Task DeskLoad_EachRole_SeesTheLoadOfItsDesks(string? user, HttpStatusCode expected, string desks)
    {
        var client = await ClientAsync(user);

        var response = await client.GetAsync("/api/live/load");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var loads = await response.Content.ReadFromJsonAsync<List<DeskLoadMessage>>();
            Assert.Equal(desks, string.Join(',', loads!.Select(l => l.DeskCode).Order(StringComparer.Ordinal)));
        }
    }

    private async Task<HttpClient> ClientAsync(string? user) =>
        user is null
            ? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            : await SignIn.ClientForAsync(app, user);

    private static void AssertOutcome(HttpResponseMessage response, string expected, string html)
    {
        switch (expected)
        {
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
                break;
            case "denied":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/denied", response.Headers.Location?.AbsolutePath);
                break;
            case "missing":
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("data-case-missing", html);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.DoesNotContain("data-case-missing", html);
                break;
        }
    }
}
