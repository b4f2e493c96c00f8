using System.Net;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintConsole.Tests.Identity;

public sealed class SignInTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SignInTests(AppFactory app) => _app = app;

    [Fact]
    public async Task Login_Page_HasUsernameAndCurrentPasswordAutocomplete()
    {
        var client = _app.CreateClient();

        var html = await client.GetStringAsync("/login");

        Assert.Contains("autocomplete=\"username\"", html);
        Assert.Contains("autocomplete=\"current-password\"", html);
    }

    [Fact]
    public async Task Login_DemoOperator_RedirectsToDeskWithCookie()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignIn.PostLoginAsync(client, "operator1", ComplaintConsole.Identity.DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/desk", response.Headers.Location?.AbsolutePath);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cc.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WrongPassword_SaysSoInPersianAndSetsNoCookie()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignIn.PostLoginAsync(client, "operator2", "wrong-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("نام کاربری یا گذرواژه درست نیست", html);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cc.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_FiveFailures_LocksOutEvenTheRightPassword()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(client, "operator4", "wrong-password");
        }

        var response = await SignIn.PostLoginAsync(client, "operator4", ComplaintConsole.Identity.DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("قفل", await response.Content.ReadAsStringAsync());
    }
}
