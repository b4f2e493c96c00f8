using System.Net.Http.Json;
using System.Text;
using ComplaintConsole.Api;
using ComplaintConsole.Data;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Intake;

/// <summary>The app with API keys for the intake tests, configured the way an operator would (hashes only).</summary>
public class IntakeAppFactory : AppFactory
{
    public const string SubmitKey = "test-submit-key-6b2d41f0a9";
    public const string ReadKey = "test-read-key-c81f0e27d4";
    public const string BothKey = "test-both-key-93aa5e7b10";
    public const string OtherSubmitKey = "test-other-key-0f4c7d9e22";

    public IntakeAppFactory()
    {
        AddKey(0, "intake-submit", SubmitKey, ApiScopes.Submit);
        AddKey(1, "intake-read", ReadKey, ApiScopes.Read);
        AddKey(2, "intake-both", BothKey, ApiScopes.Submit, ApiScopes.Read);
        AddKey(3, "intake-other", OtherSubmitKey, ApiScopes.Submit);
        Settings["RateLimits:ApiPerKey:PermitLimit"] = "100000";
        Settings["RateLimits:AnonymousApi:PermitLimit"] = "100000";
        Settings["RateLimits:Pages:PermitLimit"] = "100000";
        Settings["RateLimits:WebSubmissions:PermitLimit"] = "100000";
        Settings["RateLimits:Lookups:PermitLimit"] = "100000";
    }

    public void AddKey(int index, string name, string key, params string[] scopes)
    {
        Settings[$"Api:Keys:{index}:Name"] = name;
        Settings[$"Api:Keys:{index}:Sha256"] = ApiKeyStore.Hash(key);
        for (var i = 0; i < scopes.Length; i++)
        {
            Settings[$"Api:Keys:{index}:Scopes:{i}"] = scopes[i];
        }
    }

    public HttpClient ClientWithKey(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<ComplaintsDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> ComplaintCountAsync() => WithDbAsync(db => db.Complaints.CountAsync());

    public static HttpRequestMessage Post(object body, string? idempotencyKey) => PostRaw(System.Text.Json.JsonSerializer.Serialize(body), idempotencyKey);

    public static HttpRequestMessage PostRaw(string json, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static object ValidBody(string agency = "tehran-metro", string subject = "تأخیر در صدور کارت بلیت", string? mobile = "09121234567") => new
    {
        kind = "Complaint",
        agencyCode = agency,
        category = "delay",
        subject,
        description = "بیش از دو ماه است که کارت بلیت من صادر نشده و کسی پاسخ نمی‌دهد.",
        complainant = new { name = "علی رضایی", nationalCode = "0012345679", mobile },
    };

    public static async Task<System.Text.Json.JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
}
