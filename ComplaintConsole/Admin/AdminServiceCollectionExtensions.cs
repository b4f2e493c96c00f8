namespace ComplaintConsole.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddSingleton<CalendarAdminService>().AddSingleton<RoutingService>();
}
