using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Admin;

/// <summary>
/// Reads calendars for the administration page. Changes go through <see cref="Sla.CalendarChangeService"/>, the one
/// way to change working time (it validates, saves, retimes open cases and publishes their new deadlines).
/// </summary>
public sealed class CalendarAdminService(IDbContextFactory<ComplaintsDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Closures this many days back are still listed (recent), besides all coming ones.</summary>
    public const int RecentClosureDays = 30;

    public async Task<IReadOnlyList<CalendarOption>> ListCalendarsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendars = await db.Calendars.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Code, c.NameFa, c.NameEn }).ToListAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.CalendarId, d.NameFa }).ToListAsync(cancellationToken);
        return calendars
            .Select(c => new CalendarOption(c.Code, c.NameFa, c.NameEn, desks.Where(d => d.CalendarId == c.Id).Select(d => d.NameFa).ToList()))
            .ToList();
    }

    public async Task<CalendarView?> GetCalendarAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendar = await db.Calendars.AsNoTracking().AsSplitQuery()
            .Include(c => c.Schedules).ThenInclude(s => s.Ranges)
            .Include(c => c.Holidays)
            .FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (calendar is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(calendar.TimeZone) ?? DateTimeZone.Utc;
        var today = time.GetUtcNow().ToInstant().InZone(zone).Date;
        var since = today.PlusDays(-RecentClosureDays);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => c.Date >= since && c.Calendars.Any(k => k.Id == calendar.Id))
            .Select(c => new { c.Id, c.Date, c.From, c.To, c.Reason, c.DeclaredAt, c.DeclaredBy, Codes = c.Calendars.Select(k => k.Code).ToList() })
            .ToListAsync(cancellationToken);

        var inForce = calendar.Schedules.Where(s => s.EffectiveFrom <= today).MaxBy(s => s.EffectiveFrom);
        var schedules = calendar.Schedules
            .Where(s => s == inForce || s.EffectiveFrom > today)
            .OrderBy(s => s.EffectiveFrom)
            .Select(s => new ScheduleView(
                s.Id,
                s.EffectiveFrom,
                s == inForce,
                s.Ranges.GroupBy(r => r.Day).ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<OpenRange>)g.OrderBy(r => r.From).Select(r => new OpenRange(r.From, r.To)).ToList())))
            .ToList();

        return new CalendarView(
            calendar.Code,
            calendar.NameFa,
            calendar.NameEn,
            zone,
            today,
            schedules,
            calendar.Holidays.OrderBy(h => h.Date).ThenBy(h => h.Id)
                .Select(h => new HolidayView(h.Id, h.Date, h.NameFa, h.NameEn, h.Official, h.Tentative)).ToList(),
            closures.OrderBy(c => c.Date).ThenBy(c => c.From).ThenBy(c => c.Id)
                .Select(c => new ClosureView(c.Id, c.Date, c.From, c.To, c.Reason, c.DeclaredAt, c.DeclaredBy, c.Codes.Order(StringComparer.Ordinal).ToList()))
                .ToList());
    }
}
