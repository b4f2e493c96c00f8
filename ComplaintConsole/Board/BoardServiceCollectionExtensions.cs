using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Board;

public static class BoardServiceCollectionExtensions
{
    public const string BoardRoles = $"{Domain.Roles.Supervisor},{Domain.Roles.InspectionManager},{Domain.Roles.Administrator}";

    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>()
            .Bind(configuration.GetSection(BoardOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null, $"{BoardOptions.Section}:TimeZone is not an IANA time zone.")
            .Validate(o => o.WallboardTokens.All(t => t.Length >= 16), $"{BoardOptions.Section}:WallboardTokens must be at least 16 characters each.")
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<BoardOptions>, DemoWallboardToken>();
        services.AddSingleton<IBoardService, BoardService>();
        services.AddSingleton<WallboardAccess>();

        services.TryAddSingleton<IOperatorPresence, OperatorShiftPresence>();
        return services;
    }

    /// <summary>A wrong or missing wallboard token is refused before any component renders.</summary>
    public static WebApplication MapBoard(this WebApplication app)
    {
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/wallboard", StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (ctx, next) =>
            {
                var access = ctx.RequestServices.GetRequiredService<WallboardAccess>();
                if (!access.IsValid(ctx.Request.Query["token"]))
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next(ctx);
            }));
        return app;
    }
}

/// <summary>
/// In the Development environment a documented demo token opens the wallboard
/// (<c>/wallboard?token=demo-wallboard-tehran-1405</c>); <c>Board:SeedDemoToken=false</c> turns it off.
/// </summary>
public sealed class DemoWallboardToken(IHostEnvironment environment, IConfiguration configuration) : IPostConfigureOptions<BoardOptions>
{
    public const string Token = "demo-wallboard-tehran-1405";

    public void PostConfigure(string? name, BoardOptions options)
    {
        if (environment.IsDevelopment() && configuration.GetValue($"{BoardOptions.Section}:SeedDemoToken", true))
        {
            options.WallboardTokens = [.. options.WallboardTokens, Token];
        }
    }
}
