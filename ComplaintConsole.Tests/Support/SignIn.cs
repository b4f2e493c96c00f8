using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintConsole.Tests.Support;

/// <summary>Signs in through the real /login form (antiforgery token included), as a browser would.</summary>
public static partial class SignIn
{
    /// <summary>A client with its own cookie jar, signed in as <paramref name="userName"/>.</summary>
    public static async Task<HttpClient> ClientForAsync(AppFactory app, string userName, string password = ComplaintConsole.Identity.DemoAccounts.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form; a successful sign-in answers a redirect with the auth cookie.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
