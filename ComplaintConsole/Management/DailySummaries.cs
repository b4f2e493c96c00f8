using ComplaintConsole.Board;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Management;

/// <summary>
/// Where the daily summaries come from. The SLA feature keeps a DailySummary table; until it registers its own source,
/// the summaries are computed from the cases received in the range (grouped by business day of receipt and desk).
/// </summary>
public interface IDailySummarySource
{
    Task<IReadOnlyList<DailySummaryRow>> GetAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken);
}

public sealed class ComputedDailySummaries(IDbContextFactory<ComplaintsDbContext> dbFactory, TimeProvider time) : IDailySummarySource
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Tehran"];

    public async Task<IReadOnlyList<DailySummaryRow>> GetAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());

        // A day's cases can be received the evening before (after closing), so the receipt range starts a week early.
        var start = from.PlusDays(-7).AtStartOfDayInZone(Zone).ToInstant();
        var end = to.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().ToDictionaryAsync(d => d.Id, d => BoardFormat.Name(d.NameFa, d.NameEn), cancellationToken);
        var groups = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end && c.BusinessDayOfReceipt >= from && c.BusinessDayOfReceipt <= to)
            .GroupBy(c => new { c.BusinessDayOfReceipt, c.DeskId })
            .Select(g => new
            {
                g.Key.BusinessDayOfReceipt,
                g.Key.DeskId,
                Received = g.Count(),
                Answered = g.Count(c => c.FirstResponseAt != null),
                InTime = g.Count(c => c.FirstResponseAt != null && c.FirstResponseAt <= c.ResponseDueAt),
                Overdue = g.Count(c => c.OverdueLevel > 0 || (c.FirstResponseAt != null && c.FirstResponseAt > c.ResponseDueAt) || (c.FirstResponseAt == null && c.ResponseDueAt <= now)),
            })
            .ToListAsync(cancellationToken);
        return groups
            .OrderBy(g => g.BusinessDayOfReceipt).ThenBy(g => g.DeskId)
            .Select(g => new DailySummaryRow(g.BusinessDayOfReceipt, desks.GetValueOrDefault(g.DeskId, ""), g.Received, g.Answered, g.InTime, g.Overdue))
            .ToList();
    }
}
