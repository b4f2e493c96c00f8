using System.Text.Json;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Sla;

/// <summary>Stores, per desk of a calendar, the day as it stands now: received, answered, at risk, overdue by level.</summary>
public sealed class DailySummaryService(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    CalendarStore calendars,
    TimeProvider time,
    IOptions<SlaOptions> options)
{
    public async Task<IReadOnlyList<DailySummary>> TakeAsync(int calendarId, LocalDate date, CancellationToken cancellationToken = default)
    {
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        var calendar = snapshot.ById[calendarId];
        var deskIds = snapshot.CalendarIdByDesk.Where(d => d.Value == calendarId).Select(d => d.Key).Order().ToArray();
        var now = time.GetUtcNow().ToInstant();
        var start = date.AtStartOfDayInZone(calendar.Zone).ToInstant();
        var end = date.PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant();
        var horizon = AtRiskWindow.Horizon(calendar, now, options.Value.AtRiskWindow.ToDuration());

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofDesks = db.Complaints.Where(c => deskIds.Contains(c.DeskId));
        var awaiting = ofDesks.Where(c => c.FirstResponseAt == null && c.Status != ComplaintStatus.Closed);
        var received = await CountByDesk(ofDesks.Where(c => c.ReceivedAt >= start && c.ReceivedAt < end), cancellationToken);
        var answered = await CountByDesk(ofDesks.Where(c => c.FirstResponseAt >= start && c.FirstResponseAt < end), cancellationToken);
        var atRisk = await CountByDesk(awaiting.Where(c => c.ResponseDueAt > now && c.ResponseDueAt <= horizon), cancellationToken);
        var overdue = await awaiting.Where(c => c.OverdueLevel > 0)
            .GroupBy(c => new { c.DeskId, c.OverdueLevel })
            .Select(g => new { g.Key.DeskId, g.Key.OverdueLevel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var existing = await db.DailySummaries.Where(s => deskIds.Contains(s.DeskId) && s.Date == date).ToDictionaryAsync(s => s.DeskId, cancellationToken);
        var result = new List<DailySummary>(deskIds.Length);
        foreach (var deskId in deskIds)
        {
            if (!existing.TryGetValue(deskId, out var summary))
            {
                summary = new DailySummary { DeskId = deskId, Date = date };
                db.DailySummaries.Add(summary);
            }

            var levels = overdue.Where(o => o.DeskId == deskId).OrderBy(o => o.OverdueLevel).ToList();
            summary.TakenAt = now;
            summary.Received = received.GetValueOrDefault(deskId);
            summary.Answered = answered.GetValueOrDefault(deskId);
            summary.AtRisk = atRisk.GetValueOrDefault(deskId);
            summary.Overdue = levels.Sum(o => o.Count);
            summary.OverdueByLevel = JsonSerializer.Serialize(levels.ToDictionary(o => o.OverdueLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), o => o.Count));
            result.Add(summary);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The stored summaries of the days <paramref name="first"/> to <paramref name="last"/>, newest first, desk by desk.</summary>
    public async Task<IReadOnlyList<DailySummaryView>> ListAsync(LocalDate first, LocalDate last, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from s in db.DailySummaries.AsNoTracking()
                join d in db.Desks.AsNoTracking() on s.DeskId equals d.Id
                where s.Date >= first && s.Date <= last
                select new { s.Date, s.DeskId, d.NameFa, d.NameEn, s.Received, s.Answered, s.AtRisk, s.Overdue, s.OverdueByLevel, s.TakenAt })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Date).ThenBy(r => r.DeskId)
            .Select(r => new DailySummaryView(
                r.Date, r.DeskId, r.NameFa, r.NameEn, r.Received, r.Answered, r.AtRisk, r.Overdue,
                JsonSerializer.Deserialize<Dictionary<int, int>>(r.OverdueByLevel) ?? [], r.TakenAt))
            .ToList();
    }

    private static async Task<Dictionary<int, int>> CountByDesk(IQueryable<Complaint> query, CancellationToken cancellationToken) =>
        await query.GroupBy(c => c.DeskId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}

/// <summary>A stored daily summary with its desk's names; <see cref="ByLevel"/> maps overdue level to count.</summary>
public sealed record DailySummaryView(
    LocalDate Date, int DeskId, string DeskNameFa, string DeskNameEn, int Received, int Answered, int AtRisk, int Overdue,
    IReadOnlyDictionary<int, int> ByLevel, Instant TakenAt)
{
    /// <summary>Overdue cases at level <paramref name="level"/>; the last column sums every level from there up.</summary>
    public int AtLevel(int level, bool andAbove = false) =>
        andAbove ? ByLevel.Where(l => l.Key >= level).Sum(l => l.Value) : ByLevel.GetValueOrDefault(level);
}
