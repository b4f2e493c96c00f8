using ComplaintConsole.Api;

namespace ComplaintConsole.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>The intake service and its group-commit writer, the catalog cache, idempotency upkeep.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IntakeCatalog>();
        services.AddSingleton<IntakeWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeWriter>());
        services.AddSingleton<IntakeService>();
        services.AddSingleton<IIntakeService>(sp => sp.GetRequiredService<IntakeService>());
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        return services;
    }

    public static RouteGroupBuilder MapIntake(this RouteGroupBuilder api) => api.MapIntakeApi();
}
