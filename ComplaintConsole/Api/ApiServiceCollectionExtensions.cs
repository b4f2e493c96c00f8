namespace ComplaintConsole.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Problem details for every error and the OpenAPI document of /api/v1.</summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
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
        return services;
    }

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json");
        return app.MapGroup("/api/v1");
    }
}
