using ComplaintConsole.Calendar;
using CsCheck;
using NodaTime;
using static ComplaintConsole.Tests.Calendar.EngineCalendars;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>
/// Properties of B(t) and D(t) over every instant of 1405–1406 (2026-03-21 .. 2028-03-19, Tehran), on each kind of
/// calendar. Half the instants are uniform, half sit on a minute boundary near an opening or closing, where the rule
/// is easiest to get wrong. CsCheck shrinks a failure to a small counter-example and prints it.
/// </summary>
public sealed class WorkingCalendarPropertyTests
{
    private const long Iterations = 3_000;

    private static readonly LocalDate FirstDay = new(2026, 3, 21);
    private static readonly LocalDate LastDay = new(2028, 3, 19);
    private static readonly Instant First = FirstDay.AtStartOfDayInZone(Tehran).ToInstant();
    private static readonly Instant End = LastDay.PlusDays(1).AtStartOfDayInZone(Tehran).ToInstant();

    private static readonly int[] EdgeMinutes = [0, 5 * 60 + 59, 6 * 60, 7 * 60 + 29, 7 * 60 + 30, 8 * 60, 11 * 60 + 59, 12 * 60, 12 * 60 + 59, 13 * 60, 14 * 60 + 29, 14 * 60 + 30, 15 * 60 + 59, 16 * 60, 23 * 60 + 59];

    private static readonly Gen<LocalDate> AnyDay =
        Gen.Int[0, Period.Between(FirstDay, LastDay, PeriodUnits.Days).Days].Select(FirstDay.PlusDays);

    private static readonly Gen<Instant> AnyInstant = Gen.OneOf(
        Gen.Long[First.ToUnixTimeMilliseconds(), End.ToUnixTimeMilliseconds() - 1].Select(Instant.FromUnixTimeMilliseconds),
        Gen.Select(AnyDay, Gen.OneOf(EdgeMinutes), Gen.Int[-1, 1], (day, minute, ms) =>
            (day + LocalTime.FromMinutesSinceMidnight(minute)).InZoneStrictly(Tehran).ToInstant() + Duration.FromMilliseconds(ms)));

    public static TheoryData<string> Calendars => ["hq", "counties", "lunch", "seasonal", "hq-cutoff"];

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Compute_AnyInstant_DueIsFirstOpeningOfFirstWorkingDayAfterBusinessDay(string name)
    {
        var calendar = Build(name);

        AnyInstant.Sample(t =>
        {
            var deadline = calendar.Compute(t);

            var dueDay = deadline.ResponseDue.InZone(calendar.Zone).Date;
            Assert.True(calendar.IsWorkingDay(deadline.BusinessDayOfReceipt), $"B({t}) = {deadline.BusinessDayOfReceipt} is not a working day");
            Assert.Equal(calendar.FirstOpening(dueDay), deadline.ResponseDue);
            Assert.True(dueDay > deadline.BusinessDayOfReceipt);
            for (var day = deadline.BusinessDayOfReceipt.PlusDays(1); day < dueDay; day = day.PlusDays(1))
            {
                Assert.False(calendar.IsWorkingDay(day), $"{day} is a working day between B and D of {t}");
            }

            Assert.True(deadline.ResponseDue > t);
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Compute_LaterInstant_NeverEarlierBusinessDayOrDeadline(string name)
    {
        var calendar = Build(name);
        var later = Gen.Select(AnyInstant, Gen.Long[0, Duration.FromDays(3).ToInt64Nanoseconds() / 1_000_000]);

        later.Sample((t, deltaMs) =>
        {
            var u = t + Duration.FromMilliseconds(deltaMs);

            var first = calendar.Compute(t);
            var second = calendar.Compute(u);

            Assert.True(first.BusinessDayOfReceipt <= second.BusinessDayOfReceipt, $"B({t}) = {first.BusinessDayOfReceipt} > B({u}) = {second.BusinessDayOfReceipt}");
            Assert.True(first.ResponseDue <= second.ResponseDue, $"D({t}) = {first.ResponseDue} > D({u}) = {second.ResponseDue}");
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessDayOfReceipt_AnyInstantOfWorkingDayBeforeLastClosing_IsThatDay(string name)
    {
        var calendar = Build(name);
        var workingDays = AllDays().Where(calendar.IsWorkingDay).ToArray();
        var days = Gen.Select(Gen.Int[0, workingDays.Length - 1], Gen.Double[0, 1], Gen.Double[0, 1]);

        days.Sample((index, f1, f2) =>
        {
            // From the day's start (before opening counts as today) to its last closing, less the cut-off.
            var day = workingDays[index];
            var start = day.AtStartOfDayInZone(calendar.Zone).ToInstant();
            var end = calendar.OpenIntervals(day)[^1].End - calendar.LateArrivalCutoff;
            var span = (end - start).ToInt64Nanoseconds() / 1_000_000;
            var t1 = start + Duration.FromMilliseconds((long)(f1 * (span - 1)));
            var t2 = start + Duration.FromMilliseconds((long)(f2 * (span - 1)));

            Assert.Equal(day, calendar.BusinessDayOfReceipt(t1));
            Assert.Equal(day, calendar.BusinessDayOfReceipt(t2));
            Assert.Equal(calendar.ResponseDue(t1), calendar.ResponseDue(t2));
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Compute_ClosureAdded_NeverMakesDeadlineEarlier(string name)
    {
        var calendar = Build(name);
        var quarterHour = Gen.Int[0, 95].Select(q => LocalTime.FromMinutesSinceMidnight(q * 15));
        var closures = Gen.Select(Gen.Int[-1, 10], quarterHour.Nullable(0.4), quarterHour.Nullable(0.4));
        var cases = Gen.Select(AnyInstant, closures.Array[1, 3]);

        cases.Sample((t, specs) =>
        {
            var day = t.InZone(calendar.Zone).Date;
            var withClosures = calendar.WithClosures(calendar.Closures.Concat(specs.Select(s => new ClosureRule(day.PlusDays(s.Item1), s.Item2, s.Item3))));

            var before = calendar.Compute(t);
            var after = withClosures.Compute(t);

            Assert.True(after.BusinessDayOfReceipt >= before.BusinessDayOfReceipt, $"B moved earlier: {before.BusinessDayOfReceipt} -> {after.BusinessDayOfReceipt}");
            Assert.True(after.ResponseDue >= before.ResponseDue, $"D moved earlier: {before.ResponseDue} -> {after.ResponseDue}");
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void EscalationLevel_AnyCase_ZeroBeforeDueOneAtDueAndNeverDecreasing(string name)
    {
        var calendar = Build(name);
        var cases = Gen.Select(AnyInstant, Gen.Long[0, 20L * 24 * 60], Gen.Long[0, 5L * 24 * 60]);

        cases.Sample((t, afterDueMinutes, moreMinutes) =>
        {
            var due = calendar.ResponseDue(t);
            var now = due + Duration.FromMinutes(afterDueMinutes);

            var level = calendar.EscalationLevel(due, now);
            var laterLevel = calendar.EscalationLevel(due, now + Duration.FromMinutes(moreMinutes));

            Assert.Equal(0, calendar.EscalationLevel(due, due - Duration.FromMilliseconds(1)));
            Assert.Equal(1, calendar.EscalationLevel(due, due));
            Assert.InRange(level, 1, int.MaxValue);
            Assert.True(laterLevel >= level);
            Assert.Equal(level == 1, calendar.NextOpeningAfter(due) > now);
        }, iter: Iterations);
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void BusinessTimeBetween_SplitAtAnyInstant_AddsUp(string name)
    {
        var calendar = Build(name);
        var cases = Gen.Select(AnyInstant, Gen.Long[0, 4L * 24 * 60], Gen.Long[0, 4L * 24 * 60]);

        cases.Sample((a, m1, m2) =>
        {
            var b = a + Duration.FromMinutes(m1);
            var c = b + Duration.FromMinutes(m2);

            var whole = calendar.BusinessTimeBetween(a, c);

            Assert.Equal(whole, calendar.BusinessTimeBetween(a, b) + calendar.BusinessTimeBetween(b, c));
            Assert.InRange(whole, Duration.Zero, c - a);
        }, iter: Iterations);
    }

    private static IEnumerable<LocalDate> AllDays()
    {
        for (var day = FirstDay; day <= LastDay; day = day.PlusDays(1))
        {
            yield return day;
        }
    }

    private static WorkingCalendar Build(string name) => name switch
    {
        "hq" => Headquarters(),
        "counties" => Counties(),
        "lunch" => LunchBreak(holidays: OfficialHolidays),
        "seasonal" => Seasonal(),
        "hq-cutoff" => Headquarters([Part(2026, 12, 7, Time(12), null), WholeDay(2027, 1, 12)], Duration.FromMinutes(30)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
