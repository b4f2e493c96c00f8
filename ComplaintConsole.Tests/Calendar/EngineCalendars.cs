using ComplaintConsole.Calendar;
using NodaTime;
using NodaTime.Text;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

/// <summary>Calendars for engine cases beyond tehran-hq (which lives in <see cref="Support.TestCalendars"/>).</summary>
internal static class EngineCalendars
{
    public static readonly LocalDate LongAgo = new(2020, 1, 1);

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>tehran-counties: tehran-hq plus Thursday 07:30–13:00, official holidays of 1405–1406.</summary>
    public static WorkingCalendar Counties(IEnumerable<ClosureRule>? closures = null, IEnumerable<HolidayRule>? holidays = null) =>
        new(
            ComplaintConsole.Data.Seed.DemoData.CountiesCalendar,
            Tehran,
            [CountiesVersion(LongAgo)],
            holidays ?? OfficialHolidays,
            closures);

    public static ScheduleVersion CountiesVersion(LocalDate from)
    {
        var week = SaturdayToWednesday.ToDictionary(d => d, _ => (IReadOnlyList<OpenRange>)[new OpenRange(7, 30, 14, 30)]);
        week[IsoDayOfWeek.Thursday] = [new OpenRange(7, 30, 13, 0)];
        return new ScheduleVersion(from, week);
    }

    /// <summary>Saturday–Wednesday 08:00–12:00 and 13:00–16:00 (a lunch break), no holidays unless given.</summary>
    public static WorkingCalendar LunchBreak(IEnumerable<ClosureRule>? closures = null, IEnumerable<HolidayRule>? holidays = null) =>
        new(
            "lunch",
            Tehran,
            [ScheduleVersion.Uniform(LongAgo, SaturdayToWednesday, new OpenRange(8, 0, 12, 0), new OpenRange(13, 0, 16, 0))],
            holidays,
            closures);

    /// <summary>tehran-hq with summer hours 06:00–13:00 from Wednesday 2026-07-01 and back to 07:30–14:30 from Tuesday 2026-09-22.</summary>
    public static WorkingCalendar Seasonal() =>
        new(
            "seasonal",
            Tehran,
            [
                // Deliberately out of order: the engine sorts versions by their start.
                ScheduleVersion.Uniform(new LocalDate(2026, 9, 22), SaturdayToWednesday, new OpenRange(7, 30, 14, 30)),
                ScheduleVersion.Uniform(LongAgo, SaturdayToWednesday, new OpenRange(7, 30, 14, 30)),
                ScheduleVersion.Uniform(new LocalDate(2026, 7, 1), SaturdayToWednesday, new OpenRange(6, 0, 13, 0)),
            ],
            OfficialHolidays);

    public static ClosureRule WholeDay(int year, int month, int day, string reason = "closure") =>
        new(new LocalDate(year, month, day), null, null, reason);

    public static ClosureRule Part(int year, int month, int day, LocalTime? from, LocalTime? to, string reason = "closure") =>
        new(new LocalDate(year, month, day), from, to, reason);

    public static LocalTime Time(int hour, int minute = 0) => new(hour, minute);

    /// <summary>"2026-12-05 10:00" in Tehran to an instant.</summary>
    public static Instant Local(string text) => Local(text, Tehran);

    public static Instant Local(string text, DateTimeZone zone) =>
        LocalPattern.Parse(text).GetValueOrThrow().InZoneStrictly(zone).ToInstant();

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    /// <summary>An instant back to "2026-12-05 10:00" in Tehran, for readable assertions.</summary>
    public static string Show(Instant instant) => LocalPattern.Format(instant.InZone(Tehran).LocalDateTime);

    public static IEnumerable<HolidayRule> Without(this IEnumerable<HolidayRule> holidays, LocalDate date) =>
        holidays.Where(h => h.Date != date);
}
