using System.Collections.Frozen;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Api;

/// <summary>
/// API keys of other systems (the 136 IVR, an SMS gateway, a mobile app). Configuration holds only the SHA-256 of
/// each key, never the key: <c>Api:Keys:0:Name</c>, <c>Api:Keys:0:Sha256</c>, <c>Api:Keys:0:Scopes:0</c>,
/// optionally <c>Api:Keys:0:PermitsPerMinute</c>.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Api";

    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>In the Development environment, also accept the documented demo keys (README).</summary>
    public bool SeedDemoKeys { get; set; } = true;

    public static IEnumerable<string> Validate(ApiKeyOptions options)
    {
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > 100 || key.Name.Any(c => char.IsWhiteSpace(c) || c == ':'))
            {
                yield return $"Api:Keys:{i}:Name must be 1-100 characters without spaces or ':'.";
            }

            if (key.Sha256 is null || key.Sha256.Length != 64 || !key.Sha256.All(char.IsAsciiHexDigit))
            {
                yield return $"Api:Keys:{i}:Sha256 must be the 64 hex digits of the key's SHA-256.";
            }

            foreach (var scope in key.Scopes)
            {
                if (!ApiScopes.All.Contains(scope))
                {
                    yield return $"Api:Keys:{i}:Scopes has '{scope}'; known scopes are {string.Join(", ", ApiScopes.All)}.";
                }
            }

            if (key.PermitsPerMinute is <= 0)
            {
                yield return $"Api:Keys:{i}:PermitsPerMinute must be positive.";
            }
        }

        foreach (var duplicate in options.Keys.GroupBy(k => k.Name).Where(g => g.Count() > 1))
        {
            yield return $"Api:Keys has the name '{duplicate.Key}' more than once.";
        }
    }
}

public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public List<string> Scopes { get; set; } = [];

    /// <summary>This key's rate limit; the <c>RateLimits:ApiPerKey</c> default otherwise.</summary>
    public int? PermitsPerMinute { get; set; }
}

public static class ApiScopes
{
    /// <summary>File complaints.</summary>
    public const string Submit = "submit";

    /// <summary>Read a complaint's status and timeline.</summary>
    public const string Read = "read";

    /// <summary>Declare and lift closures of working calendars (governorate systems).</summary>
    public const string CalendarAdmin = "calendar-admin";

    public static readonly string[] All = [Submit, Read, CalendarAdmin];

    public const string ClaimType = "scope";
}

public sealed record ApiKey(string Name, IReadOnlyList<string> Scopes, int? PermitsPerMinute);

/// <summary>Finds the key behind a presented secret by its hash.</summary>
public sealed class ApiKeyStore
{
    /// <summary>The Development demo keys, documented in the README; only their hashes live here.</summary>
    public static readonly ApiKeyEntry[] DemoKeys =
    [
        new() { Name = "demo-ivr", Sha256 = "51dc0c62a9921d8d18747cd2ff27312ffe41438221448ca28af44fada9e3fd7c", Scopes = [ApiScopes.Submit, ApiScopes.Read] },
        new() { Name = "demo-sms", Sha256 = "a719f5a98aa243b7cd20a96480a9b4d5c9b24c677205fc36da15eb045b2b42c7", Scopes = [ApiScopes.Submit] },
        new() { Name = "demo-reader", Sha256 = "1fe3ec9e8f901443e51532e1af92e43a9c361549de6081254612527985b34a6a", Scopes = [ApiScopes.Read] },
        new() { Name = "demo-governorate", Sha256 = "aa5ee221355ea42a06a65b8a1be05dec72f98b1c9f240411f0bd2e0c1ad189a6", Scopes = [ApiScopes.CalendarAdmin] },
    ];

    private readonly FrozenDictionary<string, ApiKey> _byHash;

    public ApiKeyStore(IOptions<ApiKeyOptions> options, IHostEnvironment environment)
    {
        var entries = options.Value.Keys.AsEnumerable();
        if (environment.IsDevelopment() && options.Value.SeedDemoKeys)
        {
            entries = entries.Concat(DemoKeys.Where(d => options.Value.Keys.All(k => k.Name != d.Name)));
        }

        _byHash = entries.ToFrozenDictionary(
            e => e.Sha256.ToLowerInvariant(),
            e => new ApiKey(e.Name, e.Scopes.ToArray(), e.PermitsPerMinute));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public ApiKey? Find(string? presented) =>
        string.IsNullOrEmpty(presented) || presented.Length > 200 ? null : _byHash.GetValueOrDefault(Hash(presented));
}

/// <summary>The <c>X-Api-Key</c> scheme: the principal is the key's name with one <c>scope</c> claim per scope.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = keys.Find(values.ToString());
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var code = Request.Headers.ContainsKey(HeaderName) ? "api-key-invalid" : "api-key-required";
        return ApiProblems.Result(StatusCodes.Status401Unauthorized, code).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Result(StatusCodes.Status403Forbidden, "api-scope-missing").ExecuteAsync(Context);
}
