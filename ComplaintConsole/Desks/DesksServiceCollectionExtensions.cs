using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintConsole.Desks;

public static class DesksServiceCollectionExtensions
{
    public static IServiceCollection AddDesks(this IServiceCollection services)
    {
        services.AddSingleton<CaseAccessResolver>();
        services.AddSingleton<DeskService>();
        return services;
    }

    /// <summary>
    /// Cookie-authorised reads for signed-in staff outside a circuit (the hub offers the same): catch-up after a gap
    /// and the desks' load. Both are filtered by <see cref="CaseAccess"/>.
    /// </summary>
    public static WebApplication MapDesks(this WebApplication app)
    {
        var live = app.MapGroup("/api/live").RequireAuthorization(p => p.RequireRole(ComplaintsHub.HubRoles.Split(',')));
        live.MapGet("/events", async ([FromQuery] long after, [FromQuery] int? max, HttpContext http, CaseAccessResolver resolver, DeskService desks) =>
        {
            var access = await resolver.ForAsync(http.User, http.RequestAborted);
            var events = await desks.EventsAfterAsync(access, after, max ?? DeskService.MaxEventsPerRead, http.RequestAborted);
            return TypedResults.Ok(events.Select(e => CaseEventMessage.From(e, previousSequence: null)).ToList());
        });
        live.MapGet("/load", async (HttpContext http, CaseAccessResolver resolver, DeskService desks) =>
        {
            var access = await resolver.ForAsync(http.User, http.RequestAborted);
            var loads = await desks.LoadAsync(access, http.RequestAborted);
            return TypedResults.Ok(loads.Select(DeskLoadMessage.From).ToList());
        });
        return app;
    }
}
