using ComplaintConsole.Calendar;
using ComplaintConsole.Data.Seed;
using NodaTime;

namespace ComplaintConsole.Tests.Support;

/// <summary>The demo calendars of DESIGN.md, built in memory for engine tests.</summary>
public static class TestCalendars
{
    public static readonly DateTimeZone Tehran = DateTimeZoneProviders.Tzdb["Asia/Tehran"];

    public static readonly IsoDayOfWeek[] SaturdayToWednesday =
    [
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday,
    ];

    public static IReadOnlyList<HolidayRule> OfficialHolidays { get; } =
        Data.Seed.OfficialHolidays.Load().Select(h => new HolidayRule(h.Date, h.NameFa, true, h.Tentative)).ToArray();

    /// <summary>tehran-hq: Saturday–Wednesday 07:30–14:30, official holidays of 1405–1406.</summary>
    public static WorkingCalendar Headquarters(IEnumerable<ClosureRule>? closures = null, Duration cutoff = default) =>
        new(
            DemoData.HeadquartersCalendar,
            Tehran,
            [ScheduleVersion.Uniform(new LocalDate(2020, 1, 1), SaturdayToWednesday, new OpenRange(7, 30, 14, 30))],
            OfficialHolidays,
            closures,
            cutoff);

    /// <summary>Local Tehran time to an instant.</summary>
    public static Instant At(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Tehran).ToInstant();
}
