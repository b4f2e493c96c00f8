using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Api;

public static class ApiServiceCollectionExtensions
{
    public const string SubmitPolicy = "api:submit";
    public const string ReadPolicy = "api:read";
    public const string CalendarAdminPolicy = "api:calendar-admin";
    public const string CalendarReadPolicy = "api:calendar-read";

    /// <summary>Problem details for every error, the OpenAPI document of /api/v1, API keys with scopes, rate limits.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.ProblemDetails.Status >= 500 && !ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var details = ApiProblems.Details(ctx.ProblemDetails.Status.Value, "server-error");
                ctx.ProblemDetails.Title = details.Title;
                ctx.ProblemDetails.Extensions["code"] = "server-error";
                ctx.ProblemDetails.Extensions["title_en"] = details.Extensions["title_en"];
            }
        });
        services.AddOpenApi("v1");

        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>>(new OptionsRules<ApiKeyOptions>(ApiKeyOptions.Validate));
        services.AddSingleton<ApiKeyStore>();

        // No default scheme: the API key scheme is named by the API's policies only, beside the console's sign-in.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SubmitPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Submit))
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.Read))
            .AddPolicy(CalendarAdminPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.CalendarAdmin))
            .AddPolicy(CalendarReadPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().RequireClaim(ApiScopes.ClaimType, ApiScopes.CalendarAdmin, ApiScopes.Read));

        services.AddClientRateLimits(configuration);
        return services;
    }

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json");
        return app.MapGroup("/api/v1");
    }
}
