using System.Data;
using System.Text.Json;
using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Operations;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Sla;

public sealed record RetimeResult(int Examined, int Moved, int FlagsLifted, int Flagged)
{
    public static RetimeResult None { get; } = new(0, 0, 0, 0);

    public static RetimeResult operator +(RetimeResult a, RetimeResult b) =>
        new(a.Examined + b.Examined, a.Moved + b.Moved, a.FlagsLifted + b.FlagsLifted, a.Flagged + b.Flagged);
}

/// <summary>What a calendar change would do, before it is confirmed: nothing is written.</summary>
public sealed record RetimePreview(int Examined, int WouldMove, int WouldLiftFlags, int WouldFlag);

/// <summary>
/// After a calendar change, recomputes every open case without a first response on the calendar's desks from its
/// receipt instant, exactly as <see cref="Complaint.Retime"/> does for one case, but in batches: the needed columns are
/// read in id order, deadlines are computed in memory (cached per local day of receipt, since most cases share one),
/// and the changes are written with one UPDATE and one INSERT…SELECT per distinct outcome in each batch.
/// </summary>
public sealed class RetimeService(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    CalendarStore calendars,
    LiveFeed feed,
    SlaScheduler scheduler,
    TimeProvider time,
    IOptions<SlaOptions> options,
    ILogger<RetimeService> logger)
{
    /// <summary>
    /// Call after the calendars changed in the database: reloads them, retimes their desks' open cases, writes the
    /// DeadlineChanged events (old → new), publishes them live and moves the calendars' Quartz triggers.
    /// </summary>
    public async Task<RetimeResult> RetimeAsync(IReadOnlyCollection<int> calendarIds, string actor, string reason, CancellationToken cancellationToken = default)
    {
        calendars.Invalidate();
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        var now = time.GetUtcNow().ToInstant();
        var total = RetimeResult.None;
        foreach (var calendarId in calendarIds.Distinct().Order())
        {
            if (!snapshot.ById.TryGetValue(calendarId, out var calendar))
            {
                continue;
            }

            var deskIds = DesksOf(snapshot, calendarId);
            if (deskIds.Length > 0)
            {
                total += await RetimeCalendarAsync(new Recomputer(calendar, now), deskIds, actor, reason, cancellationToken);
            }
        }

        await scheduler.RescheduleAsync(calendarIds, cancellationToken);
        logger.LogInformation(
            "Retimed calendars {Calendars}: {Examined} open cases examined, {Moved} deadlines moved, {Lifted} flags lifted",
            string.Join(",", calendarIds), total.Examined, total.Moved, total.FlagsLifted);
        return total;
    }

    /// <summary>How many cases the proposed calendars (by calendar id) would move; nothing is written.</summary>
    public async Task<RetimePreview> PreviewAsync(IReadOnlyDictionary<int, WorkingCalendar> proposed, CancellationToken cancellationToken = default)
    {
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        var now = time.GetUtcNow().ToInstant();
        int examined = 0, moved = 0, lifted = 0, flagged = 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await SlaSql.TuneForBulkAsync(db.Database.GetDbConnection(), db.Provider, cancellationToken);
        foreach (var (calendarId, calendar) in proposed)
        {
            var deskIds = DesksOf(snapshot, calendarId);
            var recomputer = new Recomputer(calendar, now);
            long lastId = 0;
            while (deskIds.Length > 0)
            {
                var rows = await LoadAsync(db, deskIds, lastId, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                lastId = rows[^1].Id;
                examined += rows.Count;
                foreach (var row in rows)
                {
                    var n = recomputer.Compute(row.ReceivedAt);
                    if (n.Due != row.ResponseDueAt || n.BusinessDay != row.BusinessDayOfReceipt || n.Level != row.OverdueLevel)
                    {
                        moved++;
                        lifted += row.OverdueLevel > 0 && n.Level == 0 ? 1 : 0;
                        flagged += row.OverdueLevel == 0 && n.Level > 0 ? 1 : 0;
                    }
                }
            }
        }

        return new RetimePreview(examined, moved, lifted, flagged);
    }

    private async Task<RetimeResult> RetimeCalendarAsync(Recomputer recomputer, int[] deskIds, string actor, string reason, CancellationToken cancellationToken)
    {
        var total = RetimeResult.None;
        long lastId = 0;
        while (true)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (result, last, events) = await RetimeBatchAsync(recomputer, deskIds, lastId, actor, reason, cancellationToken);
                    feed.Publish(events);
                    ConsoleMetrics.DeadlinesMoved.Add(result.Moved);
                    total += result;
                    if (last is null)
                    {
                        return total;
                    }

                    lastId = last.Value;
                    break;
                }
                catch (Exception ex) when (SlaSql.IsRetryable(ex) && attempt < 5)
                {
                    logger.LogInformation("Retime batch after case {LastId} met a concurrent writer; running it again", lastId);
                }
            }
        }
    }

    private async Task<(RetimeResult Result, long? LastId, IReadOnlyList<LiveEvent> Events)> RetimeBatchAsync(
        Recomputer recomputer, int[] deskIds, long afterId, string actor, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var provider = db.Provider;

        await db.Database.OpenConnectionAsync(cancellationToken);
        await SlaSql.TuneForBulkAsync(db.Database.GetDbConnection(), provider, cancellationToken);

        // Read and write in one transaction (BEGIN IMMEDIATE on SQLite; repeatable read elsewhere, retried on conflict)
        // so that a case answered or swept meanwhile is never overwritten with a stale computation.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var rows = await LoadAsync(db, deskIds, afterId, cancellationToken);
        if (rows.Count == 0)
        {
            return (RetimeResult.None, null, []);
        }

        var now = recomputer.Now;
        var changes = new Dictionary<Change, List<long>>();
        var byId = new Dictionary<long, Row>();
        int moved = 0, lifted = 0, flagged = 0;
        foreach (var row in rows)
        {
            var n = recomputer.Compute(row.ReceivedAt);
            var eventful = n.Due != row.ResponseDueAt || n.BusinessDay != row.BusinessDayOfReceipt || n.Level != row.OverdueLevel;
            if (!eventful && n.NextEscalation == row.NextEscalationAt)
            {
                continue;
            }

            // Without an event when only the next escalation point moved (e.g. tomorrow closed for a flagged case).
            var key = new Change(n.BusinessDay, n.Due, n.Level, n.NextEscalation, eventful ? row.ResponseDueAt : null);
            if (!changes.TryGetValue(key, out var ids))
            {
                changes[key] = ids = [];
            }

            ids.Add(row.Id);
            if (eventful)
            {
                byId[row.Id] = row;
                moved++;
                lifted += row.OverdueLevel > 0 && n.Level == 0 ? 1 : 0;
                flagged += row.OverdueLevel == 0 && n.Level > 0 ? 1 : 0;
            }
        }

        var updateSql =
            $"""
            UPDATE "Complaints" SET "BusinessDayOfReceipt" = {"{0}"}, "ResponseDueAt" = {"{1}"}, "NextEscalationAt" = {"{2}"}, "OverdueLevel" = {"{3}"}{SlaSql.VersionBump(provider)}
            WHERE "Id" IN ({SlaSql.IdList(provider, 4)})
            """;
        List<LiveEvent> events = [];
        foreach (var (change, ids) in changes)
        {
            var idList = SlaSql.IdListValue(provider, ids);
            await db.Database.ExecuteSqlRawAsync(
                updateSql,
                [
                    change.BusinessDay.ToDateOnly(), change.Due.ToUnixTimeMilliseconds(), change.NextEscalation.ToUnixTimeMilliseconds(),
                    change.Level, idList,
                ],
                cancellationToken);
            if (change.OldDue is { } oldDue)
            {
                // The same payload Complaint.Retime writes for one case.
                var data = JsonSerializer.Serialize(new { from = oldDue.ToString(), to = change.Due.ToString(), level = change.Level });
                var written = await SlaSql.InsertEventsAsync(
                    db, ids, now.ToUnixTimeMilliseconds(), actor, nameof(ComplaintEventKind.DeadlineChanged), data, reason, true, cancellationToken);
                foreach (var (eventId, complaintId) in written)
                {
                    var row = byId[complaintId];
                    events.Add(new LiveEvent(
                        eventId, row.Id, row.TrackingCode, ComplaintEventKind.DeadlineChanged, now, actor, row.DeskId, row.AgencyId,
                        row.AssignedOperatorId, row.Status, change.Level, row.ReceivedAt, change.Due, false));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return (new RetimeResult(rows.Count, moved, lifted, flagged), rows[^1].Id, events);
    }

    // Raw ADO.NET: a million rows read this way cost a fraction of a tracked-free EF projection, and "+DeskId" keeps
    // SQLite walking the primary key in order instead of sorting every open case of the desks for each batch.
    private async Task<List<Row>> LoadAsync(ComplaintsDbContext db, int[] deskIds, long afterId, CancellationToken cancellationToken)
    {
        var batch = options.Value.RetimeBatchSize;
        var top = db.Provider == DatabaseProvider.SqlServer ? $"TOP ({batch}) " : "";
        var limit = db.Provider == DatabaseProvider.SqlServer ? "" : $" LIMIT {batch}";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"""
                SELECT {top}"Id", "DeskId", "AgencyId", "TrackingCode", "AssignedOperatorId", "Status", "ReceivedAt",
                  "BusinessDayOfReceipt", "ResponseDueAt", "NextEscalationAt", "OverdueLevel"
                FROM {SlaSql.ComplaintsById(db.Provider)}
                WHERE +"DeskId" IN ({SlaSql.InList(deskIds)}) AND "FirstResponseAt" IS NULL AND "Status" <> 'Closed' AND "Id" > {afterId}
                ORDER BY "Id"{limit}
                """;
            var rows = new List<Row>(Math.Min(batch, 65_536));
            var sqlite = db.Provider == DatabaseProvider.Sqlite;
            var dates = new Dictionary<string, LocalDate>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(
                    reader.GetInt64(0),
                    reader.GetInt32(1),
                    reader.GetInt32(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    ParseStatus(reader.GetString(5)),
                    Instant.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    sqlite ? ParseDate(reader.GetString(7), dates) : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(7)),
                    Instant.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                    Instant.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                    reader.GetInt32(10)));
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static ComplaintStatus ParseStatus(string text) => text switch
    {
        nameof(ComplaintStatus.New) => ComplaintStatus.New,
        nameof(ComplaintStatus.Assigned) => ComplaintStatus.Assigned,
        _ => Enum.Parse<ComplaintStatus>(text),
    };

    // SQLite stores dates as yyyy-MM-dd text; most cases share a handful of days.
    private static LocalDate ParseDate(string text, Dictionary<string, LocalDate> seen)
    {
        if (!seen.TryGetValue(text, out var date))
        {
            seen[text] = date = LocalDate.FromDateOnly(DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return date;
    }

    private static int[] DesksOf(CalendarStore.Snapshot snapshot, int calendarId) =>
        snapshot.CalendarIdByDesk.Where(d => d.Value == calendarId).Select(d => d.Key).Order().ToArray();

    private sealed record Row(
        long Id, int DeskId, int AgencyId, string TrackingCode, string? AssignedOperatorId, ComplaintStatus Status, Instant ReceivedAt,
        LocalDate BusinessDayOfReceipt, Instant ResponseDueAt, Instant NextEscalationAt, int OverdueLevel);

    private readonly record struct Change(LocalDate BusinessDay, Instant Due, int Level, Instant NextEscalation, Instant? OldDue);
}

/// <summary>
/// B(t), D(t), the overdue level and the next escalation point at a fixed <see cref="Now"/>, cached: per local day of
/// receipt (all receipts of a day before its last closing share one deadline, all after it another) and per deadline.
/// </summary>
public sealed class Recomputer(WorkingCalendar calendar, Instant now)
{
    private readonly Dictionary<LocalDate, Day> _days = [];
    private readonly Dictionary<Instant, int> _levels = [];
    private Instant? _nextOpening;

    public readonly record struct Outcome(LocalDate BusinessDay, Instant Due, int Level, Instant NextEscalation);

    public Instant Now => now;

    public Outcome Compute(Instant receivedAt)
    {
        var deadline = DeadlineOf(receivedAt);
        if (!_levels.TryGetValue(deadline.ResponseDue, out var level))
        {
            _levels[deadline.ResponseDue] = level = calendar.EscalationLevel(deadline.ResponseDue, now);
        }

        var next = level == 0 ? deadline.ResponseDue : _nextOpening ??= calendar.NextOpeningAfter(now);
        return new Outcome(deadline.BusinessDayOfReceipt, deadline.ResponseDue, level, next);
    }

    private Deadline DeadlineOf(Instant receivedAt)
    {
        var date = receivedAt.InZone(calendar.Zone).Date;
        if (!_days.TryGetValue(date, out var day))
        {
            _days[date] = day = NewDay(date);
        }

        if (receivedAt < day.Threshold)
        {
            if (day.Early is { } early)
            {
                return early;
            }

            // Before the threshold B(t) is the day itself, so every such receipt shares the deadline.
            var first = calendar.Compute(receivedAt);
            if (first.BusinessDayOfReceipt == date)
            {
                day.Early = first;
            }

            return first;
        }

        if (day.Late is { } late)
        {
            return late;
        }

        var computed = calendar.Compute(receivedAt);
        if (day.LateCacheable ??= LateHoldsAllDay(computed, day))
        {
            day.Late = computed;
        }

        return computed;
    }

    private Day NewDay(LocalDate date)
    {
        var intervals = calendar.OpenIntervals(date);
        var threshold = intervals.Count > 0 ? intervals[^1].End - calendar.LateArrivalCutoff : Instant.MinValue;
        return new Day(threshold, date.PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant());
    }

    // After it, B(t) is the next working day whose last closing is later than t + cut-off; that day is the same for the
    // whole rest of the date when its closing is later than the date's end plus the cut-off (always, with no cut-off).
    private bool LateHoldsAllDay(Deadline deadline, Day day)
    {
        var intervals = calendar.OpenIntervals(deadline.BusinessDayOfReceipt);
        return intervals.Count > 0 && intervals[^1].End - calendar.LateArrivalCutoff > day.EndOfDay;
    }

    private sealed class Day(Instant threshold, Instant endOfDay)
    {
        public Instant Threshold { get; } = threshold;

        public Instant EndOfDay { get; } = endOfDay;

        public Deadline? Early { get; set; }

        public Deadline? Late { get; set; }

        public bool? LateCacheable { get; set; }
    }
}
