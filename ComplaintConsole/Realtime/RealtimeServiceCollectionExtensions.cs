namespace ComplaintConsole.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeed>();
        return services;
    }
}
