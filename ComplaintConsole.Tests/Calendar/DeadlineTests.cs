using ComplaintConsole.Calendar;
using NodaTime;
using static ComplaintConsole.Tests.Calendar.EngineCalendars;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>B(t) and D(t) beyond DESIGN's worked examples: schedules, holidays, seasons and the cut-off. Times are Tehran local.</summary>
public sealed class DeadlineTests
{
    [Theory]
    [InlineData("2026-12-05 07:30", "2026-12-05", "2026-12-06 07:30")] // exactly at opening
    [InlineData("2026-12-05 00:00", "2026-12-05", "2026-12-06 07:30")] // midnight before opening
    [InlineData("2026-12-05 14:29", "2026-12-05", "2026-12-06 07:30")]
    [InlineData("2026-12-05 23:59", "2026-12-06", "2026-12-07 07:30")]
    [InlineData("2026-12-09 14:29", "2026-12-09", "2026-12-12 07:30")] // Wednesday, then Thursday and Friday closed
    [InlineData("2026-12-10 07:30", "2026-12-12", "2026-12-13 07:30")] // Thursday
    [InlineData("2026-12-11 10:00", "2026-12-12", "2026-12-13 07:30")] // Friday
    public void Compute_HeadquartersOrdinaryWeek_MatchesRule(string received, string business, string due)
    {
        var calendar = Headquarters();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_OneMillisecondBeforeClosing_CountsForToday()
    {
        var calendar = Headquarters();

        var deadline = calendar.Compute(Local("2026-12-05 14:30") - Duration.FromMilliseconds(1));

        Assert.Equal(Date("2026-12-05"), deadline.BusinessDayOfReceipt);
        Assert.Equal("2026-12-06 07:30", Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("2026-12-09 10:00", "2026-12-09", "2026-12-10 07:30")] // Wednesday: Thursday is a working day here
    [InlineData("2026-12-09 14:30", "2026-12-10", "2026-12-12 07:30")] // after Wednesday's closing: Thursday
    [InlineData("2026-12-10 07:30", "2026-12-10", "2026-12-12 07:30")] // Thursday at opening
    [InlineData("2026-12-10 12:59", "2026-12-10", "2026-12-12 07:30")]
    [InlineData("2026-12-10 13:00", "2026-12-12", "2026-12-13 07:30")] // Thursday closes at 13:00
    [InlineData("2026-12-11 10:00", "2026-12-12", "2026-12-13 07:30")] // Friday
    public void Compute_CountiesThursdayHalfDay_MatchesRule(string received, string business, string due)
    {
        var calendar = Counties();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("hq", "2026-03-18 14:00", "2026-03-18", "2026-03-25 07:30")] // Thu, Fri, then Nowruz 1-4 (Sat-Tue)
    [InlineData("hq", "2026-03-20 10:00", "2026-03-25", "2026-03-28 07:30")] // Friday before Nowruz
    [InlineData("hq", "2026-03-22 10:00", "2026-03-25", "2026-03-28 07:30")] // during Nowruz
    [InlineData("counties", "2026-03-20 10:00", "2026-03-25", "2026-03-26 07:30")] // Thursday after Nowruz is open
    [InlineData("hq", "2026-03-31 10:00", "2026-03-31", "2026-04-04 07:30")] // 12 and 13 Farvardin (Wed, Thu)
    [InlineData("counties", "2026-03-31 10:00", "2026-03-31", "2026-04-04 07:30")] // Sizdah Bedar closes Thursday too
    [InlineData("hq", "2027-03-20 10:00", "2027-03-27", "2027-03-28 07:30")] // 29 Esfand 1405, then Nowruz 1406
    [InlineData("counties", "2027-03-20 10:00", "2027-03-25", "2027-03-27 07:30")]
    [InlineData("counties", "2027-03-17 10:00", "2027-03-17", "2027-03-18 07:30")] // Thursday 28 Esfand is open
    public void Compute_AroundNowruz_SkipsNewYearHolidays(string calendarName, string received, string business, string due)
    {
        var calendar = calendarName == "hq" ? Headquarters() : Counties();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("2026-06-03 10:00", "2026-06-03", "2026-06-06 07:30")] // Thu: Eid al-Ghadir (and 14 Khordad), Fri: 15 Khordad
    [InlineData("2026-06-23 10:00", "2026-06-23", "2026-06-27 07:30")] // Wed: Tasua, Thu: Ashura
    [InlineData("2026-06-25 09:00", "2026-06-27", "2026-06-28 07:30")] // received on Ashura, a Thursday
    [InlineData("2026-08-11 10:00", "2026-08-11", "2026-08-15 07:30")] // Wed: 28 Safar, Thu: martyrdom of Imam Reza
    [InlineData("2027-03-09 10:00", "2027-03-09", "2027-03-13 07:30")] // Wed, Thu: Eid al-Fitr
    [InlineData("2028-02-17 10:00", "2028-02-19", "2028-02-20 07:30")] // Thu: 21 Ramadan 1406, tentative
    [InlineData("2026-06-10 10:00", "2026-06-10", "2026-06-11 07:30")] // control: an ordinary Thursday is the deadline
    public void Compute_CountiesLunarHolidayOnThursday_SkipsThursday(string received, string business, string due)
    {
        var calendar = Counties();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_TentativeHolidayNotYetConfirmed_CountsAsHoliday()
    {
        // Tasua and Ashura 1406 are computed dates: Mon 2027-06-14 and Tue 2027-06-15.
        var calendar = Headquarters();

        var deadline = calendar.Compute(Local("2027-06-13 10:00"));

        Assert.All(calendar.Holidays.Where(h => h.Date == Date("2027-06-15")), h => Assert.True(h.Tentative));
        Assert.Equal("2027-06-16 07:30", Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_TentativeHolidaysMovedOneDayLater_DeadlineFollowsNewDates()
    {
        var moved = OfficialHolidays.Without(Date("2027-06-14")).Without(Date("2027-06-15"))
            .Append(new HolidayRule(Date("2027-06-15"), "تاسوعا", Tentative: true))
            .Append(new HolidayRule(Date("2027-06-16"), "عاشورا", Tentative: true));
        var calendar = Counties(holidays: moved);

        var beforeHolidays = calendar.Compute(Local("2027-06-13 10:00"));
        var onTheEve = calendar.Compute(Local("2027-06-14 10:00"));

        Assert.Equal("2027-06-14 07:30", Show(beforeHolidays.ResponseDue));
        Assert.Equal("2027-06-17 07:30", Show(onTheEve.ResponseDue));
    }

    [Fact]
    public void Compute_TentativeThursdayHolidayRemoved_ThursdayWorksAgain()
    {
        var calendar = Counties(holidays: OfficialHolidays.Without(Date("2028-02-17")));

        var deadline = calendar.Compute(Local("2028-02-17 10:00"));

        Assert.Equal(Date("2028-02-17"), deadline.BusinessDayOfReceipt);
        Assert.Equal("2028-02-19 07:30", Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("2026-06-30 13:30", "2026-06-30", "2026-07-01 06:00")] // old hours to 14:30; the new version opens at 06:00
    [InlineData("2026-06-30 14:30", "2026-07-01", "2026-07-04 06:00")]
    [InlineData("2026-07-01 05:00", "2026-07-01", "2026-07-04 06:00")] // Wednesday, first day of summer hours
    [InlineData("2026-07-01 13:30", "2026-07-04", "2026-07-05 06:00")] // after summer closing 13:00
    [InlineData("2026-09-21 12:00", "2026-09-21", "2026-09-22 07:30")] // last summer day; Tuesday is back to 07:30
    [InlineData("2026-09-21 13:30", "2026-09-22", "2026-09-23 07:30")]
    public void Compute_SeasonalVersionStartingMidWeek_UsesVersionInForceEachDay(string received, string business, string due)
    {
        var calendar = Seasonal();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("2019-12-31", null)]
    [InlineData("2026-06-30", "2020-01-01")]
    [InlineData("2026-07-01", "2026-07-01")]
    [InlineData("2026-09-21", "2026-07-01")]
    [InlineData("2026-09-22", "2026-09-22")]
    public void VersionOn_SeasonalCalendar_ReturnsVersionInForce(string date, string? effectiveFrom)
    {
        var calendar = Seasonal();

        var version = calendar.VersionOn(Date(date));

        Assert.Equal(effectiveFrom, version?.EffectiveFrom.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void IsWorkingDay_BeforeFirstVersion_IsFalse()
    {
        var calendar = Seasonal();

        var working = calendar.IsWorkingDay(Date("2019-12-28"));

        Assert.False(working);
    }

    [Theory]
    [InlineData("2026-12-05 07:59", "2026-12-05", "2026-12-06 08:00")]
    [InlineData("2026-12-05 12:00", "2026-12-05", "2026-12-06 08:00")] // end of the morning range
    [InlineData("2026-12-05 12:30", "2026-12-05", "2026-12-06 08:00")] // lunch break counts for today
    [InlineData("2026-12-05 15:59", "2026-12-05", "2026-12-06 08:00")]
    [InlineData("2026-12-05 16:00", "2026-12-06", "2026-12-07 08:00")]
    public void Compute_ScheduleWithLunchBreak_LunchCountsForToday(string received, string business, string due)
    {
        var calendar = LunchBreak();

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Theory]
    [InlineData("2026-12-05 13:59", "2026-12-05", "2026-12-06 07:30")]
    [InlineData("2026-12-05 14:00", "2026-12-06", "2026-12-07 07:30")] // within 30 minutes of closing
    [InlineData("2026-12-09 14:10", "2026-12-12", "2026-12-13 07:30")] // Wednesday late arrival skips the weekend
    [InlineData("2026-12-05 06:00", "2026-12-05", "2026-12-06 07:30")]
    public void Compute_LateArrivalCutoffOfThirtyMinutes_LateCasesCountForNextDay(string received, string business, string due)
    {
        var calendar = Headquarters(cutoff: Duration.FromMinutes(30));

        var deadline = calendar.Compute(Local(received));

        Assert.Equal(Date(business), deadline.BusinessDayOfReceipt);
        Assert.Equal(due, Show(deadline.ResponseDue));
    }

    [Fact]
    public void Compute_CalendarInDubai_UsesItsOwnZone()
    {
        var dubai = DateTimeZoneProviders.Tzdb["Asia/Dubai"];
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var calendar = new WorkingCalendar("dubai", dubai, [ScheduleVersion.Uniform(LongAgo, weekdays, new OpenRange(8, 0, 15, 0))]);

        // 14:30 in Tehran is 15:00 in Dubai: already closed there.
        var deadline = calendar.Compute(Local("2026-12-07 14:30"));

        Assert.Equal(Date("2026-12-08"), deadline.BusinessDayOfReceipt);
        Assert.Equal(Instant.FromUtc(2026, 12, 9, 4, 0), deadline.ResponseDue);
    }

    [Fact]
    public void Compute_CalendarAcrossDaylightSavingChange_OpensAtLocalTime()
    {
        // Europe/Berlin moves to summer time on Sunday 2026-03-29: the Tuesday opening is 09:00 CEST, 07:00 UTC.
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var calendar = new WorkingCalendar("berlin", berlin, [ScheduleVersion.Uniform(LongAgo, weekdays, new OpenRange(9, 0, 17, 0))]);

        var deadline = calendar.Compute(Local("2026-03-27 18:00", berlin));

        Assert.Equal(Date("2026-03-30"), deadline.BusinessDayOfReceipt);
        Assert.Equal(Instant.FromUtc(2026, 3, 31, 7, 0), deadline.ResponseDue);
    }

    [Theory]
    [InlineData("2026-12-11", false)] // Friday
    [InlineData("2026-12-10", false)] // Thursday
    [InlineData("2026-12-23", false)] // 13 Rajab
    [InlineData("2026-03-21", false)] // Nowruz and Eid al-Fitr on the same date
    [InlineData("2026-12-12", true)]
    public void IsWorkingDay_Headquarters_FollowsWeekAndHolidays(string date, bool expected)
    {
        var calendar = Headquarters();

        var working = calendar.IsWorkingDay(Date(date));

        Assert.Equal(expected, working);
        Assert.Equal(expected, calendar.FirstOpening(Date(date)) is not null);
    }

    [Fact]
    public void Constructor_NoScheduleVersion_Throws()
    {
        var act = () => new WorkingCalendar("empty", Tehran, []);

        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Compute_CalendarWithoutOpenHours_ThrowsInsteadOfLooping()
    {
        var calendar = new WorkingCalendar("never", Tehran, [new ScheduleVersion(LongAgo, new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>>())]);

        var act = () => { calendar.Compute(Local("2026-12-05 10:00")); };

        Assert.Throws<InvalidOperationException>(act);
    }
}
