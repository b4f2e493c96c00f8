using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed record CalendarOption(string Code, string NameFa, string NameEn, IReadOnlyList<string> DeskNames);

/// <summary>One calendar as the admin page shows it: the versions in force and ahead, holidays, recent and coming closures.</summary>
public sealed record CalendarView(
    string Code,
    string NameFa,
    string NameEn,
    DateTimeZone Zone,
    LocalDate Today,
    IReadOnlyList<ScheduleView> Schedules,
    IReadOnlyList<HolidayView> Holidays,
    IReadOnlyList<ClosureView> Closures);

public sealed record ScheduleView(int Id, LocalDate EffectiveFrom, bool InForce, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> Week)
{
    public IReadOnlyList<OpenRange> On(IsoDayOfWeek day) => Week.TryGetValue(day, out var ranges) ? ranges : [];
}

public sealed record HolidayView(int Id, LocalDate Date, string NameFa, string NameEn, bool Official, bool Tentative);

public sealed record ClosureView(
    int Id, LocalDate Date, LocalTime? From, LocalTime? To, string Reason, Instant DeclaredAt, string DeclaredBy, IReadOnlyList<string> CalendarCodes)
{
    public ClosureShape Shape => (From, To) switch
    {
        (null, null) => ClosureShape.WholeDay,
        (not null, null) => ClosureShape.OpenUntil,
        (null, not null) => ClosureShape.OpensAt,
        _ => ClosureShape.ClosedBetween,
    };
}

/// <summary>How much of the day a closure takes, as the governorate announces it.</summary>
public enum ClosureShape
{
    WholeDay,
    OpenUntil,
    OpensAt,
    ClosedBetween,
}

/// <summary>What the closure dialog asks the service for.</summary>
public sealed record ClosureRequest(IReadOnlyList<string> CalendarCodes, LocalDate Date, LocalTime? From, LocalTime? To, string Reason);

/// <summary>What the holiday dialog asks for: a new holiday, or a move of <see cref="HolidayId"/> to <see cref="Date"/>.</summary>
public sealed record HolidayRequest(int? HolidayId, LocalDate Date, string NameFa, string? NameEn, bool Official, bool Tentative, bool Confirm);

/// <summary>A new weekly schedule version.</summary>
public sealed record ScheduleRequest(LocalDate EffectiveFrom, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> Week);

/// <summary>What a change would do, shown before it is confirmed: cases that get a new deadline, and a detail line.</summary>
public sealed record ChangePreview(int WouldMove, int WouldLiftFlags, string? Detail = null)
{
    public static ChangePreview From(Sla.RetimePreview preview, string? detail = null) => new(preview.WouldMove, preview.WouldLiftFlags, detail);
}

/// <summary>What a saved change did.</summary>
public sealed record ChangeSaved(int Moved, string? Detail = null)
{
    public static ChangeSaved From(Sla.CalendarChangeResult result, string? detail = null) => new(result.Retime.Moved, detail);
}
