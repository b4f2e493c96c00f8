using System.Net;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintConsole.Tests.Admin;

/// <summary>Only administrators open the calendar administration page.</summary>
public sealed class CalendarAdminAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("manager", HttpStatusCode.Redirect)]
    [InlineData("supervisor", HttpStatusCode.Redirect)]
    [InlineData("operator1", HttpStatusCode.Redirect)]
    public async Task Get_SignedInRole_IsAllowedOrSentToDenied(string user, HttpStatusCode expected)
    {
        var client = await SignIn.ClientForAsync(app, user);

        var response = await client.GetAsync("/admin/calendars");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal("/denied", response.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task Get_Anonymous_IsSentToLogin()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin/calendars");

        Assert.Equal("/login", response.Headers.Location?.AbsolutePath);
    }
}
