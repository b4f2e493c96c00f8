using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ComplaintConsole.Sla;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Board;

public interface IBoardService
{
    Task<BoardSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Computes the board from a handful of index-only reads, so that its cost follows the open cases and today's traffic,
/// not the years of history behind them:
/// <list type="bullet">
/// <item>open cases through the partial covering index <c>IX_Complaints_Open</c> (a few thousand rows of millions);</item>
/// <item>answered today through <c>(FirstResponseAt, DeskId, AgencyId)</c>; deadlines met through
/// <c>(ResponseDueAt, FirstResponseAt, DeskId, AgencyId)</c>; arrivals through <c>ReceivedAt</c> — all range scans of
/// today or this week, grouped in SQL;</item>
/// <item>the past weeks' arrival average and the deadlines of the week's earlier days once per day (both are settled);
/// desks, agencies and operators at most every 30 seconds.</item>
/// </list>
/// Business-time figures (longest wait, at risk) are computed in memory with the desk's working calendar.
/// </summary>
public sealed class BoardService(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    CalendarStore calendars,
    IOperatorPresence presence,
    TimeProvider time,
    IOptions<BoardOptions> options,
    IOptions<SlaOptions> slaOptions) : IBoardService
{
    private static readonly long BucketMs = Duration.FromMinutes(15).ToInt64Nanoseconds() / 1_000_000;
    private readonly DateTimeZone _zone = DateTimeZoneProviders.Tzdb[options.Value.TimeZone];
    private readonly Lock _historyGate = new();
    private (LocalDate Day, double[] Average, int Weeks)? _history;
    private (LocalDate Day, List<DeadlineCount> Rows)? _earlierThisWeek;
    private volatile Reference? _reference;

    public async Task<BoardSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var today = now.InZone(_zone).Date;
        var todayStart = today.AtStartOfDayInZone(_zone).ToInstant();
        var tomorrowStart = today.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant();
        // The Iranian week starts on Saturday.
        var weekStart = (today.DayOfWeek == IsoDayOfWeek.Saturday ? today : today.Previous(IsoDayOfWeek.Saturday))
            .AtStartOfDayInZone(_zone).ToInstant();
        var atRiskWindow = slaOptions.Value.AtRiskWindow.ToDuration();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (desks, agencies, operators) = await ReferenceAsync(db, now, cancellationToken);

        var open = await db.Complaints.AsNoTracking()
            .Where(c => c.Status != ComplaintStatus.Closed)
            .Select(c => new OpenCase(c.DeskId, c.AgencyId, c.AssignedOperatorId, c.ReceivedAt, c.ResponseDueAt, c.FirstResponseAt, c.OverdueLevel))
            .ToListAsync(cancellationToken);

        // Both ends of each range are given: with one end only, SQLite's planner (no ANALYZE statistics) may prefer
        // scanning another index in GROUP BY order over the whole table.
        var todayMs = todayStart.ToUnixTimeMilliseconds();
        var tomorrowMs = tomorrowStart.ToUnixTimeMilliseconds();
        var answered = await db.Database.SqlQuery<GroupCount>($"""
            SELECT "DeskId", "AgencyId", COUNT(*) AS "Count"
            FROM "Complaints" WHERE "FirstResponseAt" >= {todayMs} AND "FirstResponseAt" < {tomorrowMs}
            GROUP BY "DeskId", "AgencyId"
            """).ToListAsync(cancellationToken);

        var nowMs = now.ToUnixTimeMilliseconds();
        var deadlinesToday = await DeadlinesAsync(db, todayMs, nowMs, cancellationToken);
        var deadlinesEarlier = await EarlierThisWeekAsync(db, today, weekStart, todayStart, cancellationToken);

        var todayArrivals = await ArrivalsAsync(db, todayStart, tomorrowStart, cancellationToken);
        var (average, weeks) = await HistoryAsync(db, today, cancellationToken);

        // Aggregate.
        var byDesk = desks.ToDictionary(d => d.Id, d => new Accumulator(d.Code, d.NameFa, d.NameEn));
        var byAgency = agencies.ToDictionary(a => a.Id, a => new Accumulator(a.Code, a.NameFa, a.NameEn));
        var layerOf = agencies.ToDictionary(a => a.Id, a => a.Layer);
        var byLayer = Enum.GetValues<Layer>().ToDictionary(l => l, l => new Accumulator(l.ToString(), "", ""));
        var total = new Accumulator("total", "", "");
        var claimed = new Dictionary<(int Desk, string Operator), int>();

        IEnumerable<Accumulator> Targets(int deskId, int agencyId)
        {
            yield return total;
            if (byDesk.TryGetValue(deskId, out var d))
            {
                yield return d;
            }

            if (byAgency.TryGetValue(agencyId, out var a))
            {
                yield return a;
                yield return byLayer[layerOf[agencyId]];
            }
        }

        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        foreach (var c in open)
        {
            var calendar = snapshot.CalendarIdByDesk.TryGetValue(c.DeskId, out var calendarId) ? snapshot.ById[calendarId] : null;
            var awaiting = c.FirstResponseAt is null;

            // The sweep raises the level at each opening; a deadline it has not reached yet still counts as level 1.
            var level = awaiting ? Math.Max(c.OverdueLevel, now >= c.ResponseDueAt ? 1 : 0) : 0;
            var atRisk = awaiting && level == 0 && calendar is not null
                && (c.ResponseDueAt - now <= atRiskWindow || calendar.IsAtRisk(c.ResponseDueAt, now, atRiskWindow));
            if (c.AssignedOperatorId is not null)
            {
                claimed[(c.DeskId, c.AssignedOperatorId)] = claimed.GetValueOrDefault((c.DeskId, c.AssignedOperatorId)) + 1;
            }

            foreach (var target in Targets(c.DeskId, c.AgencyId))
            {
                if (c.AssignedOperatorId is null)
                {
                    target.QueueDepth++;
                    target.OfferOldest(c.DeskId, c.ReceivedAt);
                }
                else
                {
                    target.Claimed++;
                }

                if (atRisk)
                {
                    target.AtRisk++;
                }

                if (level > 0)
                {
                    target.Overdue[Math.Min(level, GroupFigures.Levels) - 1]++;
                }
            }
        }

        foreach (var a in answered)
        {
            foreach (var target in Targets(a.DeskId, a.AgencyId))
            {
                target.AnsweredToday += a.Count;
            }
        }

        foreach (var (rows, isToday) in new[] { (deadlinesToday, true), (deadlinesEarlier, false) })
        {
            foreach (var d in rows)
            {
                foreach (var target in Targets(d.DeskId, d.AgencyId))
                {
                    target.WeekDue += d.Due;
                    target.WeekInTime += d.InTime;
                    if (isToday)
                    {
                        target.TodayDue += d.Due;
                        target.TodayInTime += d.InTime;
                    }
                }
            }
        }

        var presenceByUser = await presence.GetAsync(cancellationToken);
        var names = operators.GroupBy(o => o.UserId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var deskFigures = desks.Select(d =>
        {
            var members = operators.Where(o => o.DeskId == d.Id).Select(o => o.UserId)
                .Union(claimed.Keys.Where(k => k.Desk == d.Id).Select(k => k.Operator));
            var people = members
                .Select(id => new OperatorFigures(
                    id,
                    names.GetValueOrDefault(id, ""),
                    presenceByUser.TryGetValue(id, out var p) && p.DeskId == d.Id ? p.Presence : Presence.Offline,
                    claimed.GetValueOrDefault((d.Id, id))))
                .OrderByDescending(o => o.Claimed).ThenBy(o => o.DisplayName, StringComparer.Ordinal)
                .ToList();
            return new DeskFigures(byDesk[d.Id].ToFigures(now, snapshot), people);
        }).ToList();

        return new BoardSnapshot(
            now,
            deskFigures,
            byAgency.Values.Select(a => a.ToFigures(now, snapshot)).ToList(),
            byLayer.Values.Select(l => l.ToFigures(now, snapshot)).ToList(),
            total.ToFigures(now, snapshot),
            new ArrivalSeries(today, todayArrivals, average, weeks));
    }

    private static async Task<List<DeadlineCount>> DeadlinesAsync(ComplaintsDbContext db, long fromMs, long toMs, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<DeadlineCount>($"""
            SELECT "DeskId", "AgencyId", COUNT(*) AS "Due", SUM("InTime") AS "InTime"
            FROM (SELECT "DeskId", "AgencyId",
                         CASE WHEN "FirstResponseAt" IS NOT NULL AND "FirstResponseAt" <= "ResponseDueAt" THEN 1 ELSE 0 END AS "InTime"
                  FROM "Complaints" WHERE "ResponseDueAt" >= {fromMs} AND "ResponseDueAt" <= {toMs}) AS d
            GROUP BY "DeskId", "AgencyId"
            """).ToListAsync(cancellationToken);

    // Whether a case met a deadline that has passed is settled (a later response cannot be in time), so the week's
    // days before today are read once a day; only today's deadlines are read live.
    private async Task<List<DeadlineCount>> EarlierThisWeekAsync(
        ComplaintsDbContext db, LocalDate today, Instant weekStart, Instant todayStart, CancellationToken cancellationToken)
    {
        lock (_historyGate)
        {
            if (_earlierThisWeek is { } cached && cached.Day == today)
            {
                return cached.Rows;
            }
        }

        var rows = weekStart == todayStart
            ? []
            : await DeadlinesAsync(db, weekStart.ToUnixTimeMilliseconds(), todayStart.ToUnixTimeMilliseconds() - 1, cancellationToken);
        lock (_historyGate)
        {
            _earlierThisWeek = (today, rows);
        }

        return rows;
    }

    // Desks, agencies and desk membership change by administration, rarely: read at most every 30 seconds.
    private async Task<Reference> ReferenceAsync(ComplaintsDbContext db, Instant now, CancellationToken cancellationToken)
    {
        var cached = _reference;
        if (cached is not null && now - cached.ReadAt < Duration.FromSeconds(30))
        {
            return cached;
        }

        var desks = await db.Desks.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DeskRow(d.Id, d.Code, d.NameFa, d.NameEn)).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Layer).ThenBy(a => a.Id)
            .Select(a => new AgencyRow(a.Id, a.Code, a.NameFa, a.NameEn, a.Layer)).ToListAsync(cancellationToken);
        var operators = await OperatorsAsync(db, cancellationToken);
        return _reference = new Reference(desks, agencies, operators) { ReadAt = now };
    }

    private static async Task<List<DeskOperator>> OperatorsAsync(ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var operatorRole = await db.Roles.Where(r => r.Name == Roles.Operator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await (
            from m in db.DeskMembers
            join u in db.Users on m.UserId equals u.Id
            where db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == operatorRole)
            select new DeskOperator(m.DeskId, u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    private static async Task<int[]> ArrivalsAsync(ComplaintsDbContext db, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var rows = await db.Database.SqlQuery<BucketCount>($"""
            SELECT "Bucket", COUNT(*) AS "Count"
            FROM (SELECT ("ReceivedAt" - {fromMs}) / {BucketMs} AS "Bucket" FROM "Complaints"
                  WHERE "ReceivedAt" >= {fromMs} AND "ReceivedAt" < {toMs}) AS a
            GROUP BY "Bucket"
            """).ToListAsync(cancellationToken);
        var counts = new int[ArrivalSeries.Buckets];
        foreach (var row in rows)
        {
            counts[Math.Clamp((int)row.Bucket, 0, ArrivalSeries.Buckets - 1)] += row.Count;
        }

        return counts;
    }

    // The same weekday of past weeks; weeks without any arrival (before the system existed) are left out of the mean.
    private async Task<(double[] Average, int Weeks)> HistoryAsync(ComplaintsDbContext db, LocalDate today, CancellationToken cancellationToken)
    {
        lock (_historyGate)
        {
            if (_history is { } cached && cached.Day == today)
            {
                return (cached.Average, cached.Weeks);
            }
        }

        var sum = new double[ArrivalSeries.Buckets];
        var weeks = 0;
        for (var w = 1; w <= options.Value.ArrivalHistoryWeeks; w++)
        {
            var day = today.PlusWeeks(-w);
            var counts = await ArrivalsAsync(
                db, day.AtStartOfDayInZone(_zone).ToInstant(), day.PlusDays(1).AtStartOfDayInZone(_zone).ToInstant(), cancellationToken);
            if (counts.Any(c => c > 0))
            {
                weeks++;
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += counts[i];
                }
            }
        }

        var average = sum.Select(s => weeks == 0 ? 0 : s / weeks).ToArray();
        lock (_historyGate)
        {
            _history = (today, average, weeks);
        }

        return (average, weeks);
    }

    private sealed record OpenCase(int DeskId, int AgencyId, string? AssignedOperatorId, Instant ReceivedAt, Instant ResponseDueAt, Instant? FirstResponseAt, int OverdueLevel);

    private sealed record DeskOperator(int DeskId, string UserId, string DisplayName);

    private sealed record DeskRow(int Id, string Code, string NameFa, string NameEn);

    private sealed record AgencyRow(int Id, string Code, string NameFa, string NameEn, Layer Layer);

    private sealed record Reference(List<DeskRow> Desks, List<AgencyRow> Agencies, List<DeskOperator> Operators)
    {
        public Instant ReadAt { get; init; }
    }

    private sealed class Accumulator(string key, string fa, string en)
    {
        // Oldest waiting case per desk: wait is business time in that desk's calendar, so each desk is measured apart.
        private readonly Dictionary<int, Instant> _oldestByDesk = [];

        public int QueueDepth { get; set; }

        public int Claimed { get; set; }

        public int AnsweredToday { get; set; }

        public int AtRisk { get; set; }

        public int[] Overdue { get; } = new int[GroupFigures.Levels];

        public int TodayDue { get; set; }

        public int TodayInTime { get; set; }

        public int WeekDue { get; set; }

        public int WeekInTime { get; set; }

        public void OfferOldest(int deskId, Instant receivedAt)
        {
            if (!_oldestByDesk.TryGetValue(deskId, out var oldest) || receivedAt < oldest)
            {
                _oldestByDesk[deskId] = receivedAt;
            }
        }

        public GroupFigures ToFigures(Instant now, CalendarStore.Snapshot calendars)
        {
            var longest = Duration.Zero;
            foreach (var (deskId, oldest) in _oldestByDesk)
            {
                var wait = calendars.CalendarIdByDesk.TryGetValue(deskId, out var id)
                    ? calendars.ById[id].BusinessTimeBetween(oldest, now)
                    : now - oldest;
                if (wait > longest)
                {
                    longest = wait;
                }
            }

            return new GroupFigures(
                key, fa, en, QueueDepth, longest, Claimed, AnsweredToday, AtRisk, Overdue,
                new DeadlineShare(TodayDue, TodayInTime), new DeadlineShare(WeekDue, WeekInTime));
        }
    }
}

// Shapes of the grouped SQL reads (mapped by column name).
internal sealed class GroupCount
{
    public int DeskId { get; init; }

    public int AgencyId { get; init; }

    public int Count { get; init; }
}

internal sealed class DeadlineCount
{
    public int DeskId { get; init; }

    public int AgencyId { get; init; }

    public int Due { get; init; }

    public int InTime { get; init; }
}

internal sealed class BucketCount
{
    public long Bucket { get; init; }

    public int Count { get; init; }
}
