using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Api;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> per <see cref="WindowSeconds"/> per client.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Per-client limits (<c>RateLimits:*</c>); a client is an API key, or else the remote IP address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Loads of the public pages /complaint and /track per IP.</summary>
    public RateWindow Pages { get; set; } = new() { PermitLimit = 120 };

    /// <summary>API calls per API key unless the key sets its own PermitsPerMinute.</summary>
    public RateWindow ApiPerKey { get; set; } = new() { PermitLimit = 6000 };

    /// <summary>API calls without a valid key (agencies, categories) per IP.</summary>
    public RateWindow AnonymousApi { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Complaints filed on the public page per IP (inside the interactive circuit, not per HTTP request).</summary>
    public RateWindow WebSubmissions { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>Lookups on /track per IP: slows down guessing of codes, numbers and secrets.</summary>
    public RateWindow Lookups { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    public static IEnumerable<string> Validate(RateLimitOptions o)
    {
        foreach (var (name, window) in new[] { ("Pages", o.Pages), ("ApiPerKey", o.ApiPerKey), ("AnonymousApi", o.AnonymousApi), ("WebSubmissions", o.WebSubmissions), ("Lookups", o.Lookups) })
        {
            if (window.PermitLimit <= 0)
            {
                yield return $"RateLimits:{name}:PermitLimit must be positive.";
            }

            if (window.WindowSeconds is <= 0 or > 86_400)
            {
                yield return $"RateLimits:{name}:WindowSeconds must be between 1 and 86400.";
            }
        }
    }
}

/// <summary>
/// Limits for what happens inside an interactive circuit (filing and tracking on the public pages), where HTTP
/// middleware does not see individual actions. Partitioned by the client's IP address.
/// </summary>
public sealed class PublicRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _submissions;
    private readonly PartitionedRateLimiter<string> _lookups;

    public PublicRateLimiter(IOptions<RateLimitOptions> options)
    {
        var submissions = options.Value.WebSubmissions.ToOptions();
        var lookups = options.Value.Lookups.ToOptions();
        _submissions = PartitionedRateLimiter.Create<string, string>(c => RateLimitPartition.GetFixedWindowLimiter(c, _ => submissions));
        _lookups = PartitionedRateLimiter.Create<string, string>(c => RateLimitPartition.GetFixedWindowLimiter(c, _ => lookups));
    }

    public bool TryAcquireSubmission(string clientId, out TimeSpan? retryAfter) => TryAcquire(_submissions, clientId, out retryAfter);

    public bool TryAcquireLookup(string clientId, out TimeSpan? retryAfter) => TryAcquire(_lookups, clientId, out retryAfter);

    public void Dispose()
    {
        _submissions.Dispose();
        _lookups.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, string clientId, out TimeSpan? retryAfter)
    {
        using var lease = limiter.AttemptAcquire(clientId);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }
}

public static class RateLimitingSetup
{
    public const string ApiPolicy = "api";

    private static readonly string[] PublicPages = ["/complaint", "/track"];

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>>(new OptionsRules<RateLimitOptions>(RateLimitOptions.Validate));
        services.AddSingleton<PublicRateLimiter>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var path = http.Request.Path;
                if (!HttpMethods.IsGet(http.Request.Method) || !PublicPages.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter("page:" + ClientAddress(http), _ => limits.Pages.ToOptions());
            });
            o.AddPolicy(ApiPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var key = http.RequestServices.GetRequiredService<ApiKeyStore>()
                    .Find(http.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString());
                if (key is null)
                {
                    return RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientAddress(http), _ => limits.AnonymousApi.ToOptions());
                }

                return RateLimitPartition.GetFixedWindowLimiter("key:" + key.Name, _ => key.PermitsPerMinute is { } perMinute
                    ? new RateWindow { PermitLimit = perMinute, WindowSeconds = 60 }.ToOptions()
                    : limits.ApiPerKey.ToOptions());
            });
        });
        return services;
    }

    /// <summary>The client a limit applies to; behind a proxy, configure forwarded headers so this is the caller.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = 60;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Result(StatusCodes.Status429TooManyRequests, "rate-limited", seconds).ExecuteAsync(http);
    }
}

/// <summary>Start-up validation whose messages name the configuration keys at fault.</summary>
public sealed class OptionsRules<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = validate(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
