using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Sla;

public sealed record SweepResult(int Flagged, int Escalated)
{
    public static SweepResult None { get; } = new(0, 0);

    public int Changed => Flagged + Escalated;

    public static SweepResult operator +(SweepResult a, SweepResult b) => new(a.Flagged + b.Flagged, a.Escalated + b.Escalated);
}

/// <summary>
/// Flags every open, unanswered case whose <see cref="Complaint.NextEscalationAt"/> has passed: level 1 at the deadline,
/// one more at each later working-day opening of its desk's calendar (several at once after downtime).
/// Set-based and idempotent: per calendar and resulting level, one UPDATE flips the due rows and moves their
/// NextEscalationAt to the calendar's next opening, so a second run (or a second node) finds nothing; one INSERT…SELECT
/// then writes the FlaggedOverdue/Escalated event of each flipped row, guarded so that no case gets the same level's
/// event twice for the same deadline even when two sweeps race.
/// </summary>
public sealed class OverdueSweep(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    CalendarStore calendars,
    LiveFeed feed,
    TimeProvider time,
    ILogger<OverdueSweep> logger)
{
    public const string Actor = "system";

    /// <summary>Sweeps every calendar.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        var total = SweepResult.None;
        foreach (var calendarId in snapshot.ById.Keys.Order())
        {
            total += await SweepCalendarAsync(calendarId, cancellationToken);
        }

        return total;
    }

    public async Task<SweepResult> SweepCalendarAsync(int calendarId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToInstant();
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        if (!snapshot.ById.TryGetValue(calendarId, out var calendar))
        {
            return SweepResult.None;
        }

        var deskIds = snapshot.CalendarIdByDesk.Where(d => d.Value == calendarId).Select(d => d.Key).Order().ToArray();
        if (deskIds.Length == 0)
        {
            return SweepResult.None;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (result, events) = await SweepOnceAsync(calendar, deskIds, now, cancellationToken);
                feed.Publish(events);
                if (result.Changed > 0)
                {
                    logger.LogInformation(
                        "Overdue sweep of calendar {Calendar} at {Now}: {Flagged} flagged, {Escalated} escalated",
                        calendar.Code, now, result.Flagged, result.Escalated);
                }

                return result;
            }
            catch (Exception ex) when (SlaSql.IsRetryable(ex) && attempt < 5)
            {
                logger.LogInformation("Overdue sweep of calendar {Calendar} met a concurrent writer; running it again", calendar.Code);
            }
        }
    }

    private async Task<(SweepResult, IReadOnlyList<LiveEvent>)> SweepOnceAsync(
        Calendar.WorkingCalendar calendar, int[] deskIds, Instant now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provider = db.Provider;

        // On SQLite this is BEGIN IMMEDIATE: sweeps, retimes and intake writes are serialized for its duration.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var due = await Due(db, deskIds, now)
            .GroupBy(c => c.ResponseDueAt)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (SweepResult.None, []);
        }

        var lastEventBefore = await db.ComplaintEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var next = calendar.NextOpeningAfter(now);
        var desks = SlaSql.InList(deskIds);
        var flagged = 0;
        var escalated = 0;

        // The level a case reaches depends only on its deadline: 1 + the openings after it up to now.
        foreach (var group in due.GroupBy(d => calendar.EscalationLevel(d, now)).Where(g => g.Key > 0).OrderBy(g => g.Key))
        {
            var level = group.Key;
            var deadlines = group.ToArray();
            await Due(db, deskIds, now)
                .Where(c => deadlines.Contains(c.ResponseDueAt))
                .ExecuteUpdateAsync(
                    s =>
                    {
                        s.SetProperty(c => c.OverdueLevel, level);
                        s.SetProperty(c => c.NextEscalationAt, next);
                        if (provider == DatabaseProvider.Sqlite)
                        {
                            s.SetProperty(c => c.Version, c => c.Version + 1);
                        }
                    },
                    cancellationToken);

            var kind = level == 1 ? ComplaintEventKind.FlaggedOverdue : ComplaintEventKind.Escalated;
            var data = LevelData(level);

            // Rows now at this level and escalation point, for these deadlines, that have no event for this level since
            // their deadline last changed: exactly the rows flipped above, also when another sweep raced this one (its
            // rows are either not yet visible, or visible together with their events).
            // Only ids and deadlines the sweep itself computed are inlined; everything else is a parameter.
            var insertSql = $$"""
            INSERT INTO "ComplaintEvents" ("ComplaintId", "At", "Actor", "Kind", "Data", "Reason", "Public")
            SELECT c."Id", {0}, {1}, {2}, {3}, NULL, {4}
            FROM "Complaints" c
            WHERE c."DeskId" IN ({{desks}})
              AND c."FirstResponseAt" IS NULL AND c."Status" <> {5}
              AND c."OverdueLevel" = {6} AND c."NextEscalationAt" = {7}
              AND c."ResponseDueAt" IN ({{SlaSql.InList(deadlines.Select(d => d.ToUnixTimeMilliseconds()))}})
              AND NOT EXISTS (
                SELECT 1 FROM "ComplaintEvents" e
                WHERE e."ComplaintId" = c."Id" AND e."Kind" = {2} AND e."Data" = {3}
                  AND NOT EXISTS (
                    SELECT 1 FROM "ComplaintEvents" d
                    WHERE d."ComplaintId" = c."Id" AND d."Kind" = {8} AND d."Id" > e."Id"))
            """;
            var inserted = await db.Database.ExecuteSqlRawAsync(
                insertSql,
                [
                    now.ToUnixTimeMilliseconds(), Actor, kind.ToString(), data, false, nameof(ComplaintStatus.Closed),
                    level, next.ToUnixTimeMilliseconds(), nameof(ComplaintEventKind.DeadlineChanged),
                ],
                cancellationToken);

            if (level == 1)
            {
                flagged += inserted;
            }
            else
            {
                escalated += inserted;
            }
        }

        // Read back what this transaction wrote, for the live feed (published only after commit).
        var events = flagged + escalated == 0
            ? []
            : await (
                from e in db.ComplaintEvents
                join c in db.Complaints on e.ComplaintId equals c.Id
                where e.Id > lastEventBefore && e.At == now && e.Actor == Actor
                      && (e.Kind == ComplaintEventKind.FlaggedOverdue || e.Kind == ComplaintEventKind.Escalated)
                orderby e.Id
                select new LiveEvent(
                    e.Id, c.Id, c.TrackingCode, e.Kind, e.At, e.Actor, c.DeskId, c.AgencyId, c.AssignedOperatorId, c.Status,
                    c.OverdueLevel, c.ReceivedAt, c.ResponseDueAt, false))
                .ToListAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return (new SweepResult(flagged, escalated), events);
    }

    /// <summary>The data of a FlaggedOverdue/Escalated event; also what the once-per-level guard compares.</summary>
    public static string LevelData(int level) => $$"""{"level":{{level}}}""";

    private static IQueryable<Complaint> Due(ComplaintsDbContext db, int[] deskIds, Instant now) =>
        db.Complaints.Where(c => deskIds.Contains(c.DeskId)
            && c.FirstResponseAt == null
            && c.Status != ComplaintStatus.Closed
            && c.NextEscalationAt <= now);
}
