using ComplaintConsole.Calendar;
using ComplaintConsole.Domain;
using NodaTime;
using static ComplaintConsole.Tests.Calendar.EngineCalendars;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>Whole and part-day closures: open intervals, deadlines, several calendars. Times are Tehran local.</summary>
public sealed class ClosureTests
{
    [Theory]
    [InlineData(11, 0, 14, 0, "08:00-11:00 14:00-16:00")] // covers the lunch break and both edges
    [InlineData(12, 0, 13, 0, "08:00-12:00 13:00-16:00")] // exactly the lunch break: nothing changes
    [InlineData(12, 15, 12, 45, "08:00-12:00 13:00-16:00")] // inside the lunch break
    [InlineData(7, 0, 13, 30, "13:30-16:00")]
    [InlineData(9, 0, 10, 0, "08:00-09:00 10:00-12:00 13:00-16:00")]
    [InlineData(7, 0, 17, 0, "")] // all the opening hours: no longer a working day
    public void OpenIntervals_PartDayClosureOnLunchBreakSchedule_SubtractsClosure(int fromH, int fromM, int toH, int toM, string expected)
    {
        var calendar = LunchBreak([Part(2026, 12, 5, Time(fromH, fromM), Time(toH, toM))]);

        var intervals = calendar.OpenIntervals(Date("2026-12-05"));

        Assert.Equal(expected, Describe(intervals));
    }

    [Fact]
    public void OpenIntervals_TwoClosuresOnOneDay_SubtractsBoth()
    {
        var calendar = Headquarters([Part(2026, 12, 5, Time(9), Time(10)), Part(2026, 12, 5, Time(11), Time(12))]);

        var intervals = calendar.OpenIntervals(Date("2026-12-05"));

        Assert.Equal("07:30-09:00 10:00-11:00 12:00-14:30", Describe(intervals));
    }

    [Fact]
    public void Compute_ReceivedDuringClosureCoveringLunch_CountsForTodayWhenDayReopens()
    {
        var calendar = LunchBreak([Part(2026, 12, 5, Time(11), Time(14))]);

        var deadline = calendar.Compute(Local("2026-12-05 12:30"));

        Assert.Equal(Date("2026-12-05"), deadline.BusinessDayOfReceipt);
        Assert.Equal("2026-12-06 08:00", Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_ClosedFromElevenToEndOfDay_LaterCasesCountForNextDay()
    {
        var calendar = LunchBreak([Part(2026, 12, 5, Time(11), null)]);

        var deadline = calendar.Compute(Local("2026-12-05 11:30"));

        Assert.Equal(Date("2026-12-06"), deadline.BusinessDayOfReceipt);
        Assert.Equal("2026-12-07 08:00", Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_NextDayOpensAfterLunch_DeadlineIsAfternoonOpening()
    {
        var calendar = LunchBreak([Part(2026, 12, 6, null, Time(13, 30))]);

        var deadline = calendar.Compute(Local("2026-12-05 10:00"));

        Assert.Equal("2026-12-06 13:30", Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_ClosureEndingAtLastClosing_MovesLastClosingEarlier()
    {
        var calendar = Headquarters([Part(2026, 12, 5, Time(12), Time(14, 30))]);

        var beforeClosure = calendar.Compute(Local("2026-12-05 11:59"));
        var duringClosure = calendar.Compute(Local("2026-12-05 12:00"));

        Assert.Equal(Date("2026-12-05"), beforeClosure.BusinessDayOfReceipt);
        Assert.Equal(Date("2026-12-06"), duringClosure.BusinessDayOfReceipt);
        Assert.Equal("2026-12-07 07:30", Show(duringClosure.ResponseDue));
    }

    [Fact]
    public void Compute_ClosureOnTwoConsecutiveDays_SkipsBoth()
    {
        var calendar = Headquarters([WholeDay(2026, 12, 6), WholeDay(2026, 12, 7)]);

        var deadline = calendar.Compute(Local("2026-12-05 10:00"));

        Assert.Equal("2026-12-08 07:30", Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData(2026, 12, 23, "2026-12-22 10:00")] // on a holiday
    [InlineData(2026, 12, 11, "2026-12-09 10:00")] // on a Friday
    [InlineData(2027, 3, 22, "2027-03-17 10:00")] // in the middle of Nowruz
    public void Compute_ClosureOnDayAlreadyClosed_ChangesNothing(int year, int month, int day, string received)
    {
        var without = Headquarters();
        var with = Headquarters([WholeDay(year, month, day)]);

        var expected = without.Compute(Local(received));
        var actual = with.Compute(Local(received));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compute_ClosureDeclaredOnSeveralCalendars_MovesEachButNotOthers()
    {
        // Closed Thursday 12-10 and Saturday 12-12 for tehran-hq and tehran-counties, not for the lunch-break office.
        ClosureRule[] closures = [WholeDay(2026, 12, 10, "pollution"), WholeDay(2026, 12, 12, "pollution")];
        var received = Local("2026-12-09 10:00");

        var headquarters = Headquarters(closures).Compute(received);
        var counties = Counties(closures).Compute(received);
        var other = LunchBreak().Compute(received);

        Assert.Equal("2026-12-13 07:30", Show(headquarters.ResponseDue));
        Assert.Equal("2026-12-13 07:30", Show(counties.ResponseDue));
        Assert.Equal("2026-12-12 08:00", Show(other.ResponseDue));
    }

    [Fact]
    public void ToWorkingCalendar_ClosureSharedByTwoStoredCalendars_AppliesToBoth()
    {
        var closure = new Closure { Date = Date("2026-12-06"), Reason = "آلودگی هوا" };
        var hq = StoredCalendar("tehran-hq", closure);
        var counties = StoredCalendar("tehran-counties", closure);
        var unaffected = StoredCalendar("other");
        var received = Local("2026-12-05 10:00");

        var dueHq = hq.ToWorkingCalendar().ResponseDue(received);
        var dueCounties = counties.ToWorkingCalendar().ResponseDue(received);
        var dueOther = unaffected.ToWorkingCalendar().ResponseDue(received);

        Assert.Equal("2026-12-07 07:30", Show(dueHq));
        Assert.Equal("2026-12-07 07:30", Show(dueCounties));
        Assert.Equal("2026-12-06 07:30", Show(dueOther));
    }

    [Fact]
    public void ToWorkingCalendar_StoredCutoffMinutes_BecomesLateArrivalCutoff()
    {
        var stored = StoredCalendar("tehran-hq");
        stored.LateArrivalCutoffMinutes = 30;

        var calendar = stored.ToWorkingCalendar();

        Assert.Equal(Duration.FromMinutes(30), calendar.LateArrivalCutoff);
        Assert.Equal(Date("2026-12-06"), calendar.BusinessDayOfReceipt(Local("2026-12-05 14:00")));
    }

    [Fact]
    public void ToWorkingCalendar_UnknownTimeZone_ThrowsNamingCalendar()
    {
        var stored = StoredCalendar("mars");
        stored.TimeZone = "Mars/Olympus";

        var act = () => stored.ToWorkingCalendar();

        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.Contains("mars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithClosures_PreviewOfDeclaredClosure_LeavesOriginalUnchanged()
    {
        var calendar = Headquarters();
        var received = Local("2026-12-05 10:00");
        var before = calendar.ResponseDue(received);

        var preview = calendar.WithClosures([WholeDay(2026, 12, 6)]);

        Assert.Equal("2026-12-07 07:30", Show(preview.ResponseDue(received)));
        Assert.Equal(before, calendar.ResponseDue(received));
        Assert.Empty(calendar.Closures);
    }

    [Fact]
    public void OpenIntervals_ClosureWithEndBeforeStart_IsIgnored()
    {
        var calendar = Headquarters([Part(2026, 12, 5, Time(12), Time(10))]);

        var intervals = calendar.OpenIntervals(Date("2026-12-05"));

        Assert.Equal("07:30-14:30", Describe(intervals));
    }

    private static WorkCalendar StoredCalendar(string code, params Closure[] closures)
    {
        var ranges = SaturdayToWednesday.Select(d => new WeeklyRange { Day = d, From = Time(7, 30), To = Time(14, 30) }).ToList();
        var calendar = new WorkCalendar
        {
            Code = code,
            NameFa = code,
            NameEn = code,
            Schedules = [new WeeklySchedule { EffectiveFrom = LongAgo, Ranges = ranges }],
        };
        foreach (var closure in closures)
        {
            calendar.Closures.Add(closure);
            closure.Calendars.Add(calendar);
        }

        return calendar;
    }

    private static string Describe(IReadOnlyList<Interval> intervals) =>
        string.Join(' ', intervals.Select(i => $"{Show(i.Start)[^5..]}-{Show(i.End)[^5..]}"));
}
