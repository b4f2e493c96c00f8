using NodaTime;
using static ComplaintConsole.Tests.Calendar.EngineCalendars;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>Escalation levels, business time, the at-risk window and the next opening. Times are Tehran local.</summary>
public sealed class WorkingTimeTests
{
    [Theory]
    [InlineData("2026-12-26 07:29", 0)]
    [InlineData("2026-12-26 07:30", 1)] // at the deadline
    [InlineData("2026-12-26 23:00", 1)]
    [InlineData("2026-12-27 07:29", 1)]
    [InlineData("2026-12-27 07:30", 2)]
    [InlineData("2026-12-31 10:00", 5)] // Thursday: Sat..Wed openings passed
    [InlineData("2027-01-02 07:30", 6)]
    public void EscalationLevel_DueSaturdayAfterHoliday_RisesAtEachOpening(string now, int expected)
    {
        // Received Tue 2026-12-22 10:00; Wed 12-23 is 13 Rajab: due Sat 12-26 07:30.
        var calendar = Headquarters();
        var due = calendar.ResponseDue(Local("2026-12-22 10:00"));

        var level = calendar.EscalationLevel(due, Local(now));

        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("2027-01-08 12:00", 1)] // Wed 01-06 is Mab'ath, then Thursday and Friday
    [InlineData("2027-01-09 07:30", 2)]
    public void EscalationLevel_HolidayBetweenOpenings_DoesNotEscalate(string now, int expected)
    {
        var calendar = Headquarters();
        var due = Local("2027-01-05 07:30");

        var level = calendar.EscalationLevel(due, Local(now));

        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("2027-03-17 07:30", 2)]
    [InlineData("2027-03-26 12:00", 2)] // 29 Esfand and Nowruz 1-4 add nothing
    [InlineData("2027-03-27 07:30", 3)]
    [InlineData("2027-03-28 07:30", 4)]
    public void EscalationLevel_AcrossNowruz_CountsOnlyWorkingDayOpenings(string now, int expected)
    {
        var calendar = Headquarters();
        var due = Local("2027-03-16 07:30");

        var level = calendar.EscalationLevel(due, Local(now));

        Assert.Equal(expected, level);
    }

    [Fact]
    public void EscalationLevel_CountiesThursday_EscalatesOnThursday()
    {
        var calendar = Counties();
        var due = Local("2026-12-09 07:30");

        var thursday = calendar.EscalationLevel(due, Local("2026-12-10 07:30"));
        var saturday = calendar.EscalationLevel(due, Local("2026-12-12 07:30"));

        Assert.Equal(2, thursday);
        Assert.Equal(3, saturday);
    }

    [Fact]
    public void EscalationLevel_WholeDayClosure_SkipsClosedDay()
    {
        var calendar = Headquarters([WholeDay(2026, 12, 27)]);
        var due = Local("2026-12-26 07:30");

        var level = calendar.EscalationLevel(due, Local("2026-12-28 07:30"));

        Assert.Equal(2, level);
    }

    [Theory]
    [InlineData("2026-12-05 06:00", "2026-12-05 07:30")]
    [InlineData("2026-12-05 07:30", "2026-12-06 07:30")] // strictly later
    [InlineData("2026-12-09 15:00", "2026-12-12 07:30")]
    [InlineData("2026-12-22 10:00", "2026-12-26 07:30")]
    [InlineData("2027-03-17 10:00", "2027-03-27 07:30")]
    public void NextOpeningAfter_Headquarters_ReturnsNextWorkingDayOpening(string after, string expected)
    {
        var calendar = Headquarters();

        var opening = calendar.NextOpeningAfter(Local(after));

        Assert.Equal(expected, Show(opening));
    }

    [Fact]
    public void NextOpeningAfter_DuringLunchBreak_IsNextDayNotAfternoon()
    {
        var calendar = LunchBreak();

        var opening = calendar.NextOpeningAfter(Local("2026-12-05 12:30"));

        Assert.Equal("2026-12-06 08:00", Show(opening));
    }

    [Fact]
    public void NextOpeningAfter_NextDayOpensLate_ReturnsLateOpening()
    {
        var calendar = Headquarters([Part(2026, 12, 6, null, Time(9, 30))]);

        var opening = calendar.NextOpeningAfter(Local("2026-12-05 10:00"));

        Assert.Equal("2026-12-06 09:30", Show(opening));
    }

    [Theory]
    [InlineData("hq", "2026-12-05 10:00", "2026-12-05 12:00", 120)]
    [InlineData("hq", "2026-12-05 06:00", "2026-12-05 16:00", 420)]
    [InlineData("hq", "2026-12-05 14:00", "2026-12-06 08:00", 60)] // across the night
    [InlineData("hq", "2026-12-09 14:00", "2026-12-12 08:00", 60)] // across Thursday and Friday
    [InlineData("hq", "2026-12-05 00:00", "2026-12-12 00:00", 2100)] // a whole week: 5 × 7 h
    [InlineData("hq", "2026-12-22 10:00", "2026-12-26 10:00", 420)] // 13 Rajab adds nothing
    [InlineData("hq", "2027-03-17 14:00", "2027-03-27 08:00", 60)] // across Nowruz
    [InlineData("counties", "2026-12-09 14:00", "2026-12-12 08:00", 390)] // Thursday's 5.5 h count
    [InlineData("lunch", "2026-12-05 11:00", "2026-12-05 14:00", 120)] // across the lunch break
    [InlineData("lunch", "2026-12-05 12:15", "2026-12-05 12:45", 0)] // inside the lunch break
    [InlineData("lunch", "2026-12-05 15:00", "2026-12-06 09:00", 120)]
    [InlineData("hq", "2026-12-05 12:00", "2026-12-05 10:00", 0)] // reversed bounds
    public void BusinessTimeBetween_TwoInstants_CountsOpenMinutesOnly(string calendarName, string from, string to, int minutes)
    {
        var calendar = calendarName switch
        {
            "hq" => Headquarters(),
            "counties" => Counties(),
            _ => LunchBreak(),
        };

        var time = calendar.BusinessTimeBetween(Local(from), Local(to));

        Assert.Equal(Duration.FromMinutes(minutes), time);
    }

    [Fact]
    public void BusinessTimeBetween_ClosureCoveringLunch_CountsOnlyReopenedHours()
    {
        var calendar = LunchBreak([Part(2026, 12, 5, Time(11), Time(14))]);

        var time = calendar.BusinessTimeBetween(Local("2026-12-05 10:00"), Local("2026-12-05 15:00"));

        Assert.Equal(Duration.FromHours(2), time);
    }

    [Theory]
    [InlineData("2026-12-05 10:00", false)]
    [InlineData("2026-12-05 13:29", false)] // 61 business minutes left
    [InlineData("2026-12-05 13:30", true)] // exactly one hour left
    [InlineData("2026-12-05 20:00", true)] // closed: nothing left before the deadline
    [InlineData("2026-12-06 07:30", false)] // at the deadline it is overdue, not at risk
    public void IsAtRisk_LastHourBeforeDeadline_IsAtRisk(string now, bool expected)
    {
        var calendar = Headquarters();
        var due = calendar.ResponseDue(Local("2026-12-05 10:00"));

        var atRisk = calendar.IsAtRisk(due, Local(now), Duration.FromHours(1));

        Assert.Equal(expected, atRisk);
    }

    [Theory]
    [InlineData("2026-12-05 10:59", false)] // 61 + 180 minutes left
    [InlineData("2026-12-05 11:00", true)] // 60 + 180 = 4 h
    [InlineData("2026-12-05 12:30", true)]
    public void IsAtRisk_WindowSpanningLunchBreak_CountsBusinessTimeOnly(string now, bool expected)
    {
        var calendar = LunchBreak();
        var due = calendar.ResponseDue(Local("2026-12-05 09:00"));

        var atRisk = calendar.IsAtRisk(due, Local(now), Duration.FromHours(4));

        Assert.Equal(expected, atRisk);
    }
}
