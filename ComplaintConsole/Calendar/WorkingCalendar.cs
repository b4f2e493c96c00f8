using System.Collections.Concurrent;
using NodaTime;

namespace ComplaintConsole.Calendar;

/// <summary>
/// Iranian working time of one calendar: the open intervals of each local date, the business day of receipt B(t), the
/// response deadline D(t), escalation levels and business time, as DESIGN.md defines them. Immutable and thread-safe;
/// build a new one when the calendar changes.
/// </summary>
public sealed class WorkingCalendar
{
    // Searching further than this for a working day means the calendar has no open hours at all.
    private const int MaxDaysToSearch = 800;

    private readonly ScheduleVersion[] _versions;
    private readonly HashSet<LocalDate> _holidays;
    private readonly Dictionary<LocalDate, ClosureRule[]> _closures;
    private readonly ConcurrentDictionary<LocalDate, Interval[]> _days = new();

    // Created once: a method group passed to GetOrAdd would allocate a delegate on every lookup.
    private readonly Func<LocalDate, Interval[]> _computeDay;

    public WorkingCalendar(
        string code,
        DateTimeZone zone,
        IEnumerable<ScheduleVersion> versions,
        IEnumerable<HolidayRule>? holidays = null,
        IEnumerable<ClosureRule>? closures = null,
        Duration lateArrivalCutoff = default)
    {
        Code = code;
        Zone = zone;
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (_versions.Length == 0)
        {
            throw new ArgumentException("A calendar needs at least one schedule version.", nameof(versions));
        }

        Holidays = (holidays ?? []).ToArray();
        Closures = (closures ?? []).ToArray();
        _holidays = Holidays.Select(h => h.Date).ToHashSet();
        _closures = Closures.GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.ToArray());
        LateArrivalCutoff = lateArrivalCutoff;
        _computeDay = ComputeDay;
    }

    public string Code { get; }

    public DateTimeZone Zone { get; }

    public Duration LateArrivalCutoff { get; }

    public IReadOnlyList<ScheduleVersion> Versions => _versions;

    public IReadOnlyList<HolidayRule> Holidays { get; }

    public IReadOnlyList<ClosureRule> Closures { get; }

    /// <summary>The version in force on <paramref name="date"/>, or null before the first one starts.</summary>
    public ScheduleVersion? VersionOn(LocalDate date)
    {
        ScheduleVersion? found = null;
        foreach (var version in _versions)
        {
            if (version.EffectiveFrom > date)
            {
                break;
            }

            found = version;
        }

        return found;
    }

    public bool IsHoliday(LocalDate date) => _holidays.Contains(date);

    /// <summary>The open intervals of a local date, in order: weekday ranges, none on a holiday, minus closures.</summary>
    public IReadOnlyList<Interval> OpenIntervals(LocalDate date) => _days.GetOrAdd(date, _computeDay);

    public bool IsWorkingDay(LocalDate date) => OpenIntervals(date).Count > 0;

    /// <summary>The first opening instant of a working day, or null when the date is not a working day.</summary>
    public Instant? FirstOpening(LocalDate date)
    {
        var intervals = OpenIntervals(date);
        return intervals.Count == 0 ? null : intervals[0].Start;
    }

    /// <summary>B(t): the first working day whose last closing is later than <c>t + cut-off</c>.</summary>
    public LocalDate BusinessDayOfReceipt(Instant receivedAt)
    {
        var threshold = receivedAt + LateArrivalCutoff;
        var date = receivedAt.InZone(Zone).Date;
        for (var i = 0; i < MaxDaysToSearch; i++, date = date.PlusDays(1))
        {
            var intervals = OpenIntervals(date);
            if (intervals.Count > 0 && intervals[^1].End > threshold)
            {
                return date;
            }
        }

        throw NoWorkingDay(receivedAt);
    }

    /// <summary>D(t): the first opening instant of the first working day after B(t).</summary>
    public Instant ResponseDue(Instant receivedAt) => Compute(receivedAt).ResponseDue;

    public Deadline Compute(Instant receivedAt)
    {
        var business = BusinessDayOfReceipt(receivedAt);
        var (_, opening) = NextWorkingDayAfter(business);
        return new Deadline(business, opening);
    }

    /// <summary>The first working-day opening strictly later than <paramref name="after"/>.</summary>
    public Instant NextOpeningAfter(Instant after)
    {
        var date = after.InZone(Zone).Date;
        for (var i = 0; i < MaxDaysToSearch; i++, date = date.PlusDays(1))
        {
            var intervals = OpenIntervals(date);
            if (intervals.Count > 0 && intervals[0].Start > after)
            {
                return intervals[0].Start;
            }
        }

        throw NoWorkingDay(after);
    }

    /// <summary>
    /// The overdue level at <paramref name="now"/> of a case due at <paramref name="due"/> that is still unanswered:
    /// 0 before the deadline, 1 from it, one more at each later working-day opening.
    /// </summary>
    public int EscalationLevel(Instant due, Instant now)
    {
        if (now < due)
        {
            return 0;
        }

        var level = 1;
        var opening = due;
        while (true)
        {
            opening = NextOpeningAfter(opening);
            if (opening > now)
            {
                return level;
            }

            level++;
        }
    }

    /// <summary>Open (business) time between two instants.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }

        var total = Duration.Zero;
        var date = from.InZone(Zone).Date.PlusDays(-1);
        var last = to.InZone(Zone).Date;
        for (; date <= last; date = date.PlusDays(1))
        {
            // Indexed rather than foreach: enumerating an array through IReadOnlyList allocates an enumerator.
            var intervals = OpenIntervals(date);
            for (var i = 0; i < intervals.Count; i++)
            {
                var interval = intervals[i];
                var start = interval.Start > from ? interval.Start : from;
                var end = interval.End < to ? interval.End : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>At risk: unanswered, not yet due, and at most <paramref name="window"/> of business time left.</summary>
    public bool IsAtRisk(Instant due, Instant now, Duration window) =>
        now < due && BusinessTimeBetween(now, due) <= window;

    /// <summary>The same calendar with other closures, e.g. to preview what a declared closure would move.</summary>
    public WorkingCalendar WithClosures(IEnumerable<ClosureRule> closures) =>
        new(Code, Zone, _versions, Holidays, closures, LateArrivalCutoff);

    private (LocalDate Date, Instant Opening) NextWorkingDayAfter(LocalDate day)
    {
        var date = day.PlusDays(1);
        for (var i = 0; i < MaxDaysToSearch; i++, date = date.PlusDays(1))
        {
            var intervals = OpenIntervals(date);
            if (intervals.Count > 0)
            {
                return (date, intervals[0].Start);
            }
        }

        throw new InvalidOperationException($"Calendar '{Code}' has no working day in the {MaxDaysToSearch} days after {day}.");
    }

    private Interval[] ComputeDay(LocalDate date)
    {
        var version = VersionOn(date);
        if (version is null || _holidays.Contains(date))
        {
            return [];
        }

        var ranges = version.RangesOn(date.DayOfWeek);
        if (ranges.Count == 0)
        {
            return [];
        }

        // Work in nanoseconds of the local day so that a closure "to the end of the day" is representable.
        var open = new List<(long From, long To)>(ranges.Count);
        foreach (var range in ranges)
        {
            open.Add((range.From.NanosecondOfDay, range.To.NanosecondOfDay));
        }

        if (_closures.TryGetValue(date, out var closures))
        {
            foreach (var closure in closures)
            {
                var from = closure.From?.NanosecondOfDay ?? 0L;
                var to = closure.To?.NanosecondOfDay ?? NodaConstants.NanosecondsPerDay;
                open = Subtract(open, from, to);
            }
        }

        var result = new Interval[open.Count];
        for (var i = 0; i < open.Count; i++)
        {
            result[i] = new Interval(ToInstant(date, open[i].From), ToInstant(date, open[i].To));
        }

        return result;
    }

    private static List<(long From, long To)> Subtract(List<(long From, long To)> ranges, long from, long to)
    {
        if (to <= from)
        {
            return ranges;
        }

        var result = new List<(long From, long To)>(ranges.Count + 1);
        foreach (var (start, end) in ranges)
        {
            if (to <= start || from >= end)
            {
                result.Add((start, end));
                continue;
            }

            if (from > start)
            {
                result.Add((start, from));
            }

            if (to < end)
            {
                result.Add((to, end));
            }
        }

        return result;
    }

    private Instant ToInstant(LocalDate date, long nanosecondOfDay) =>
        nanosecondOfDay >= NodaConstants.NanosecondsPerDay
            ? date.PlusDays(1).AtStartOfDayInZone(Zone).ToInstant()
            : (date + LocalTime.FromNanosecondsSinceMidnight(nanosecondOfDay)).InZoneLeniently(Zone).ToInstant();

    private InvalidOperationException NoWorkingDay(Instant t) =>
        new($"Calendar '{Code}' has no working day in the {MaxDaysToSearch} days from {t}.");
}
