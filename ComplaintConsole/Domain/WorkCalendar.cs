using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Domain;

/// <summary>تقویم کاری: time zone, weekly schedule versions, holidays and closures of a set of desks.</summary>
public class WorkCalendar
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameFa { get; set; }

    public required string NameEn { get; set; }

    /// <summary>IANA zone, e.g. Asia/Tehran. Never a fixed offset.</summary>
    public string TimeZone { get; set; } = "Asia/Tehran";

    /// <summary>Complaints received less than this before the day's last closing count for the next working day.</summary>
    public int LateArrivalCutoffMinutes { get; set; }

    public List<WeeklySchedule> Schedules { get; set; } = [];

    public List<Holiday> Holidays { get; set; } = [];

    public List<Closure> Closures { get; set; } = [];

    /// <summary>The working-time engine for this calendar; needs schedules, ranges, holidays and closures loaded.</summary>
    public WorkingCalendar ToWorkingCalendar()
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone)
            ?? throw new InvalidOperationException($"Calendar '{Code}' names an unknown time zone '{TimeZone}'.");
        var versions = Schedules.Select(s => new ScheduleVersion(
            s.EffectiveFrom,
            s.Ranges.GroupBy(r => r.Day).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<OpenRange>)g.Select(r => new OpenRange(r.From, r.To)).ToArray())));
        return new WorkingCalendar(
            Code,
            zone,
            versions,
            Holidays.Select(h => new HolidayRule(h.Date, h.NameFa, h.Official, h.Tentative)),
            Closures.Select(c => new ClosureRule(c.Date, c.From, c.To, c.Reason)),
            Duration.FromMinutes(LateArrivalCutoffMinutes));
    }
}

/// <summary>A weekly schedule in force from <see cref="EffectiveFrom"/> (seasonal hours are a new version).</summary>
public class WeeklySchedule
{
    public int Id { get; set; }

    public int CalendarId { get; set; }

    public LocalDate EffectiveFrom { get; set; }

    public List<WeeklyRange> Ranges { get; set; } = [];
}

public class WeeklyRange
{
    public int Id { get; set; }

    public int ScheduleId { get; set; }

    public IsoDayOfWeek Day { get; set; }

    public LocalTime From { get; set; }

    public LocalTime To { get; set; }
}

public class Holiday
{
    public int Id { get; set; }

    public int CalendarId { get; set; }

    public LocalDate Date { get; set; }

    public required string NameFa { get; set; }

    public string NameEn { get; set; } = "";

    public bool Official { get; set; } = true;

    /// <summary>A lunar date that may still move a day; counts as a holiday until moved or removed.</summary>
    public bool Tentative { get; set; }
}

/// <summary>تعطیلی: a whole or part day closed, declared for one or several calendars.</summary>
public class Closure
{
    public int Id { get; set; }

    public LocalDate Date { get; set; }

    /// <summary>Null: from the start of the day ("opens at 10:00" has From null, To 10:00).</summary>
    public LocalTime? From { get; set; }

    /// <summary>Null: to the end of the day ("open until 12:00" has From 12:00, To null).</summary>
    public LocalTime? To { get; set; }

    public required string Reason { get; set; }

    public Instant DeclaredAt { get; set; }

    public string DeclaredBy { get; set; } = "";

    public List<WorkCalendar> Calendars { get; set; } = [];
}
