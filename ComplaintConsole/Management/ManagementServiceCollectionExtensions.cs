using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintConsole.Management;

public static class ManagementServiceCollectionExtensions
{
    public static IServiceCollection AddManagement(this IServiceCollection services)
    {
        services.AddSingleton<ManagementService>();

        // The SLA feature's DailySummary table replaces this computed source when it registers its own.
        return services;
    }

    public static WebApplication MapManagement(this WebApplication app)
    {
        app.MapManagementExports();
        return app;
    }
}
