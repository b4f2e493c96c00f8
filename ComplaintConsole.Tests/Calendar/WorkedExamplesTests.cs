using ComplaintConsole.Calendar;
using ComplaintConsole.Tests.Support;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>Every worked example of DESIGN.md, calendar tehran-hq, times local.</summary>
public sealed class WorkedExamplesTests
{
    [Theory]
    [InlineData("inside hours", 2026, 12, 5, 10, 0, "2026-12-05", 2026, 12, 6)]
    [InlineData("before opening counts as today", 2026, 12, 5, 6, 0, "2026-12-05", 2026, 12, 6)]
    [InlineData("closing time is not inside [07:30, 14:30)", 2026, 12, 5, 14, 30, "2026-12-06", 2026, 12, 7)]
    [InlineData("Thursday and Friday closed", 2026, 12, 9, 20, 0, "2026-12-12", 2026, 12, 13)]
    [InlineData("Wed 12-23 is 13 Rajab, a holiday", 2026, 12, 22, 10, 0, "2026-12-22", 2026, 12, 26)]
    [InlineData("29 Esfand, Nowruz 1-4, then Thursday and Friday", 2027, 3, 17, 10, 0, "2027-03-17", 2027, 3, 27)]
    public void Compute_DesignExample_MatchesDesign(string why, int y, int m, int d, int h, int min, string business, int dy, int dm, int dd)
    {
        var calendar = Headquarters();

        var deadline = calendar.Compute(At(y, m, d, h, min));

        Assert.True(business == deadline.BusinessDayOfReceipt.ToString("yyyy-MM-dd", null), why);
        Assert.Equal(At(dy, dm, dd, 7, 30), deadline.ResponseDue);
    }

    [Fact]
    public void Compute_ClosureDeclaredForNextDay_MovesDeadlineToMonday()
    {
        var received = At(2026, 12, 5, 10);
        var before = Headquarters().Compute(received);

        var after = Headquarters([new ClosureRule(new LocalDate(2026, 12, 6), null, null, "air pollution")]).Compute(received);

        Assert.Equal(At(2026, 12, 6, 7, 30), before.ResponseDue);
        Assert.Equal(new LocalDate(2026, 12, 5), after.BusinessDayOfReceipt);
        Assert.Equal(At(2026, 12, 7, 7, 30), after.ResponseDue);
    }

    [Fact]
    public void Compute_ReceivedAfterPartDayClosureClosedTheDay_CountsForNextDay()
    {
        // Mon 12-07 open only until 12:00.
        var calendar = Headquarters([new ClosureRule(new LocalDate(2026, 12, 7), new LocalTime(12, 0), null, "energy saving")]);

        var deadline = calendar.Compute(At(2026, 12, 7, 12, 30));

        Assert.Equal(new LocalDate(2026, 12, 8), deadline.BusinessDayOfReceipt);
        Assert.Equal(At(2026, 12, 9, 7, 30), deadline.ResponseDue);
    }

    [Fact]
    public void Compute_NextDayOpensTwoHoursLate_DeadlineIsLateOpening()
    {
        // Tue 12-08 opens at 09:30.
        var calendar = Headquarters([new ClosureRule(new LocalDate(2026, 12, 8), null, new LocalTime(9, 30), "late opening")]);

        var deadline = calendar.Compute(At(2026, 12, 7, 10));

        Assert.Equal(new LocalDate(2026, 12, 7), deadline.BusinessDayOfReceipt);
        Assert.Equal(At(2026, 12, 8, 9, 30), deadline.ResponseDue);
    }
}
