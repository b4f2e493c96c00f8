using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Operations;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
/// NextEscalationAt to the calendar's next opening, so a second run (or a second node) finds nothing. The UPDATE returns
/// the rows it flipped (RETURNING, OUTPUT on SQL Server) and one INSERT…SELECT keyed on those ids writes their
/// FlaggedOverdue/Escalated events in the same transaction, so each level change gets exactly one event.
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

        await db.Database.OpenConnectionAsync(cancellationToken);
        await SlaSql.TuneForBulkAsync(db.Database.GetDbConnection(), provider, cancellationToken);

        // On SQLite this is BEGIN IMMEDIATE: sweeps, retimes and intake writes are serialized for its duration.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Raw SQL because the plan matters: "+DeskId" keeps SQLite off the desk index (it would walk every open case of the
        // desks) and on the partial index of unanswered cases by NextEscalationAt, whose filter the inlined 'Closed'
        // literal must imply. The unary plus is harmless on PostgreSQL and SQL Server.
        var desks = SlaSql.InList(deskIds);
        var awaiting = $"""+"DeskId" IN ({desks}) AND "FirstResponseAt" IS NULL AND "Status" <> 'Closed'""";
        var discoverSql = $"""
            SELECT "ResponseDueAt" AS "Value" FROM {SlaSql.ComplaintsForSweep(db.Provider)}
            WHERE {awaiting} AND "NextEscalationAt" <= {"{0}"}
            GROUP BY "ResponseDueAt"
            """;
        var due = (await db.Database.SqlQueryRaw<long>(discoverSql, now.ToUnixTimeMilliseconds()).ToListAsync(cancellationToken))
            .Select(Instant.FromUnixTimeMilliseconds)
            .ToList();
        if (due.Count == 0)
        {
            return (SweepResult.None, []);
        }

        var next = calendar.NextOpeningAfter(now);

        // The level a case reaches depends only on its deadline: 1 + the openings after it up to now.
        var flipped = new List<(Flipped Row, int Level)>();
        var events = new List<LiveEvent>();
        foreach (var group in due.GroupBy(d => calendar.EscalationLevel(d, now)).Where(g => g.Key > 0).OrderBy(g => g.Key))
        {
            var level = group.Key;
            var deadlines = SlaSql.InList(group.Select(d => d.ToUnixTimeMilliseconds()));

            // The UPDATE returns exactly the rows it flipped: under a racing sweep a row is flipped (and returned) by one
            // of them only, since the other re-reads "NextEscalationAt <= now" after the first commits (PostgreSQL, SQL
            // Server) or waits for the first's write transaction to end (SQLite).
            var rows = await FlipAsync(db, awaiting, deadlines, level, next, now, cancellationToken);
            var kind = level == 1 ? ComplaintEventKind.FlaggedOverdue : ComplaintEventKind.Escalated;
            foreach (var chunk in rows.Chunk(50_000))
            {
                var written = await SlaSql.InsertEventsAsync(
                    db, chunk.Select(r => r.Id).ToArray(), now.ToUnixTimeMilliseconds(), Actor, kind.ToString(), LevelData(level), null, false,
                    cancellationToken);
                var byId = chunk.ToDictionary(r => r.Id);
                foreach (var (eventId, complaintId) in written)
                {
                    var r = byId[complaintId];
                    events.Add(new LiveEvent(
                        eventId, r.Id, r.TrackingCode, kind, now, Actor, r.DeskId, r.AgencyId, r.AssignedOperatorId, r.Status, level,
                        r.ReceivedAt, r.ResponseDueAt, false));
                }
            }

            flipped.AddRange(rows.Select(r => (r, level)));
        }

        // A case already at its level but with a stale escalation point (not written by this code) only moves on.
        var repairSql = $"""UPDATE {SlaSql.ComplaintsForSweep(db.Provider)} SET "NextEscalationAt" = {"{0}"} WHERE {awaiting} AND "NextEscalationAt" <= {"{1}"}""";
        await db.Database.ExecuteSqlRawAsync(repairSql, [next.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()], cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        ConsoleMetrics.Flagged(flipped.Select(f => f.Level));
        var flagged = flipped.Count(f => f.Level == 1);
        return (new SweepResult(flagged, flipped.Count - flagged), events.OrderBy(e => e.Sequence).ToList());
    }

    private static async Task<List<Flipped>> FlipAsync(
        ComplaintsDbContext db, string awaiting, string deadlines, int level, Instant next, Instant now, CancellationToken cancellationToken)
    {
        const string Columns = "\"Id\", \"TrackingCode\", \"DeskId\", \"AgencyId\", \"AssignedOperatorId\", \"Status\", \"ReceivedAt\", \"ResponseDueAt\"";
        var provider = db.Provider;
        var output = provider == DatabaseProvider.SqlServer
            ? "OUTPUT " + string.Join(", ", Columns.Split(", ").Select(c => "inserted." + c))
            : "";
        var returning = provider == DatabaseProvider.SqlServer ? "" : "RETURNING " + Columns;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            UPDATE {SlaSql.ComplaintsForSweep(provider)} SET "OverdueLevel" = @level, "NextEscalationAt" = @next{SlaSql.VersionBump(provider)}
            {output}
            WHERE {awaiting} AND "NextEscalationAt" <= @now AND "ResponseDueAt" IN ({deadlines}) AND "OverdueLevel" < @level
            {returning}
            """;
        SlaSql.AddParameter(command, "@level", level);
        SlaSql.AddParameter(command, "@next", next.ToUnixTimeMilliseconds());
        SlaSql.AddParameter(command, "@now", now.ToUnixTimeMilliseconds());
        var rows = new List<Flipped>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Flipped(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<ComplaintStatus>(reader.GetString(5)),
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                Instant.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return rows;
    }

    private sealed record Flipped(
        long Id, string TrackingCode, int DeskId, int AgencyId, string? AssignedOperatorId, ComplaintStatus Status, Instant ReceivedAt,
        Instant ResponseDueAt);

    /// <summary>The data of a FlaggedOverdue/Escalated event.</summary>
    public static string LevelData(int level) => $$"""{"level":{{level}}}""";
}
