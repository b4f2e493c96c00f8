using ComplaintConsole.Calendar;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Tests.Sla;

/// <summary>Refused calendar changes: a Persian and an English message, a stable code, and nothing saved.</summary>
public sealed class CalendarChangeValidationTests : IAsyncLifetime
{
    private static readonly string[] Hq = [DemoData.HeadquartersCalendar];
    private SlaHost _host = null!;

    private CalendarChangeService Service => _host.Get<CalendarChangeService>();

    public ValueTask InitializeAsync()
    {
        _host = SlaHost.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task DeclareClosureAsync_WithoutReason_IsRefusedInPersianAndEnglish()
    {
        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() =>
            Service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "  ", "admin"));

        Assert.Equal("reason-required", ex.Code);
        Assert.Equal("دلیل را بنویسید.", ex.MessageFa);
        Assert.Equal("Give a reason.", ex.MessageEn);
        await AssertNoClosureAsync();
    }

    [Theory]
    [InlineData(12, 0, 10, 0, "closure-range-invalid")]
    [InlineData(10, 0, 10, 0, "closure-range-invalid")]
    public async Task DeclareClosureAsync_EndNotAfterStart_IsRefused(int fh, int fm, int th, int tm, string code)
    {
        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() =>
            Service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), new LocalTime(fh, fm), new LocalTime(th, tm), "x", "admin"));

        Assert.Equal(code, ex.Code);
        await AssertNoClosureAsync();
    }

    [Fact]
    public async Task DeclareClosureAsync_UnknownCalendar_NamesItAndSavesNothing()
    {
        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() =>
            Service.DeclareClosureAsync([DemoData.HeadquartersCalendar, "karaj"], new LocalDate(2026, 12, 6), null, null, "x", "admin"));

        Assert.Equal("calendar-not-found", ex.Code);
        Assert.Contains("karaj", ex.MessageFa, StringComparison.Ordinal);
        Assert.Contains("karaj", ex.MessageEn, StringComparison.Ordinal);
        await AssertNoClosureAsync();
    }

    [Fact]
    public async Task DeclareClosureAsync_SameClosureTwice_SecondIsRefused()
    {
        await Service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "x", "admin");

        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() =>
            Service.DeclareClosureAsync(Hq, new LocalDate(2026, 12, 6), null, null, "y", "admin"));

        Assert.Equal("closure-duplicate", ex.Code);
    }

    [Fact]
    public async Task DeclareClosureAsync_SeveralCalendars_OneClosureSharedByBoth()
    {
        var result = await Service.DeclareClosureAsync(
            [DemoData.HeadquartersCalendar, DemoData.CountiesCalendar], new LocalDate(2026, 12, 6), null, null, "آلودگی هوا", "admin");

        Assert.Equal(2, result.CalendarIds.Count);
        var hq = await Service.ListClosuresAsync(DemoData.HeadquartersCalendar, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31));
        var counties = await Service.ListClosuresAsync(DemoData.CountiesCalendar, new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 31));
        Assert.Equal(Assert.Single(hq).Id, Assert.Single(counties).Id);
    }

    [Fact]
    public async Task AddHolidayAsync_DateAlreadyAHoliday_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() =>
            Service.AddHolidayAsync(DemoData.HeadquartersCalendar, new LocalDate(2026, 12, 23), "تعطیل", null, true, false, "admin"));

        Assert.Equal("holiday-exists", ex.Code);
    }

    [Fact]
    public async Task ConfirmHolidayAsync_AlreadyConfirmed_IsRefused()
    {
        await using var db = await _host.DbAsync();
        var confirmed = await db.Holidays.FirstAsync(h => !h.Tentative);

        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() => Service.ConfirmHolidayAsync(confirmed.Id, "admin"));

        Assert.Equal("holiday-not-tentative", ex.Code);
    }

    [Fact]
    public async Task AddScheduleVersionAsync_OverlappingRanges_IsRefused()
    {
        IReadOnlyList<OpenRange> overlapping = [new OpenRange(8, 0, 12, 0), new OpenRange(11, 0, 14, 0)];

        var ex = await Assert.ThrowsAsync<CalendarChangeException>(() => Service.AddScheduleVersionAsync(
            DemoData.HeadquartersCalendar, new LocalDate(2027, 1, 1), new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> { [IsoDayOfWeek.Saturday] = overlapping }, "admin"));

        Assert.Equal("schedule-invalid", ex.Code);
    }

    private async Task AssertNoClosureAsync()
    {
        await using var db = await _host.DbAsync();
        Assert.Equal(0, await db.Closures.CountAsync());
    }
}
