using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Admin;

/// <summary>
/// Routing as administrators change it: which desk receives each agency's new complaints, and whether the agency is
/// still offered at intake. Cases already filed keep their desk; inspection managers move them by reassignment.
/// </summary>
public sealed class RoutingService(IDbContextFactory<ComplaintsDbContext> dbFactory, IntakeCatalog catalog, ILogger<RoutingService> logger)
{
    public async Task<RoutingView> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new RoutingDesk(d.Id, d.Code, d.NameFa, d.NameEn, d.Calendar!.Code, d.Calendar.NameFa, d.Calendar.NameEn))
            .ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Code, a.NameFa, a.NameEn, a.Layer, a.DeskId, a.Active })
            .ToListAsync(cancellationToken);

        // Read through the partial index of open cases, however much closed history is stored.
        var open = await db.Complaints.AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Closed)
            .GroupBy(c => new { c.AgencyId, c.DeskId })
            .Select(g => new { g.Key.AgencyId, g.Key.DeskId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var openOnDesk = open.ToDictionary(o => (o.AgencyId, o.DeskId), o => o.Count);
        var deskCode = desks.ToDictionary(d => d.Id, d => d.Code);

        var rows = agencies
            .OrderBy(a => a.Layer).ThenBy(a => a.NameFa, StringComparer.Ordinal)
            .Select(a => new RoutingAgency(a.Code, a.NameFa, a.NameEn, a.Layer, deskCode[a.DeskId], a.Active, openOnDesk.GetValueOrDefault((a.Id, a.DeskId))))
            .ToList();
        return new RoutingView(desks, rows);
    }

    /// <summary>
    /// Routes <paramref name="agencyCode"/>'s new complaints to <paramref name="deskCode"/> and sets whether it is offered
    /// at intake, in one transaction; intake sees the change with its next complaint. Unknown codes change nothing.
    /// </summary>
    public async Task<RoutingResult> SaveAsync(string agencyCode, string deskCode, bool active, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new ArgumentException("An administrator must be named.", nameof(actor));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agency = string.IsNullOrWhiteSpace(agencyCode) ? null
            : await db.Agencies.SingleOrDefaultAsync(a => a.Code == agencyCode.Trim(), cancellationToken);
        if (agency is null)
        {
            return new RoutingResult.Refused(BilingualMessage.Of("RoutingUnknownAgency", agencyCode ?? ""));
        }

        var desk = string.IsNullOrWhiteSpace(deskCode) ? null
            : await db.Desks.AsNoTracking().SingleOrDefaultAsync(d => d.Code == deskCode.Trim(), cancellationToken);
        if (desk is null)
        {
            return new RoutingResult.Refused(BilingualMessage.Of("RoutingUnknownDesk", deskCode ?? ""));
        }

        var fromDeskId = agency.DeskId;
        var wasActive = agency.Active;
        agency.DeskId = desk.Id;
        agency.Active = active;
        await db.SaveChangesAsync(cancellationToken);

        // After the commit: the next complaint reads the new routing. Desk calendars did not change, so the calendar
        // store stays as it is. Other nodes pick the change up within IntakeCatalog.MaxAge.
        catalog.Invalidate();

        var leftBehind = fromDeskId == desk.Id ? 0 : await db.Complaints
            .CountAsync(c => c.AgencyId == agency.Id && c.DeskId == fromDeskId && c.Status != ComplaintStatus.Closed, cancellationToken);
        logger.LogInformation(
            "{Actor} routed agency {Agency} from desk {From} to desk {To}, active {WasActive} -> {Active}; {LeftBehind} open cases stay on desk {From}",
            actor, agency.Code, fromDeskId, desk.Id, wasActive, active, leftBehind, fromDeskId);
        return new RoutingResult.Saved(agency.Code, desk.Code, active, fromDeskId != desk.Id, leftBehind);
    }
}

public sealed record RoutingView(IReadOnlyList<RoutingDesk> Desks, IReadOnlyList<RoutingAgency> Agencies);

public sealed record RoutingDesk(int Id, string Code, string NameFa, string NameEn, string CalendarCode, string CalendarNameFa, string CalendarNameEn);

/// <summary>One agency's routing; <see cref="OpenCases"/> counts its open cases on its current desk.</summary>
public sealed record RoutingAgency(string Code, string NameFa, string NameEn, Layer Layer, string DeskCode, bool Active, int OpenCases);

public abstract record RoutingResult
{
    /// <summary><see cref="LeftBehind"/> open cases stayed on the previous desk.</summary>
    public sealed record Saved(string AgencyCode, string DeskCode, bool Active, bool DeskChanged, int LeftBehind) : RoutingResult;

    /// <summary>Nothing was saved.</summary>
    public sealed record Refused(BilingualMessage Message) : RoutingResult;
}
