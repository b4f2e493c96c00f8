namespace ComplaintConsole.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    /// <summary>The per-node live feed, the typed hub for clients outside the circuits and the bridge between them.</summary>
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeed>();

        // Presence changes travel like timeline events: the hub bridge forwards them to supervisors.
        services.AddSingleton<PresenceBoard>();
        services.AddSignalR();
        services.AddHostedService<LiveHubBridge>();
        return services;
    }

    public static WebApplication MapRealtime(this WebApplication app)
    {
        app.MapHub<ComplaintsHub>(ComplaintsHub.Path);
        return app;
    }
}
