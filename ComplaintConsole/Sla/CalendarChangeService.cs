using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Sla;

/// <summary>A calendar change that was saved, with the id of what it created (closure, holiday, schedule) and the retime.</summary>
public sealed record CalendarChangeResult(int? Id, IReadOnlyList<int> CalendarIds, RetimeResult Retime);

/// <summary>
/// The one way to change working time: closures, holidays and schedule versions. Each change is validated (refusals
/// are <see cref="CalendarChangeException"/>s with Persian and English messages; nothing is saved), saved, and then
/// every open unanswered case of the affected calendars is retimed, with its events published and the calendars'
/// triggers moved. Each change has a preview that says how many cases would move, computed on the changed calendar in
/// memory without saving anything.
/// </summary>
public sealed class CalendarChangeService(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    RetimeService retime,
    CalendarStore calendars,
    TimeProvider time)
{
    public const int MaxReasonLength = 500;
    public const int MaxNameLength = 200;

    /// <summary>Closures may be declared for a past day or ahead, within this many days of today.</summary>
    public const int ClosureDayRange = 366;

    private delegate Task<Staged> Stage(ComplaintsDbContext db, CancellationToken cancellationToken);

    // ---- closures

    /// <summary>
    /// Declares a closure of <paramref name="date"/> for the calendars: the whole day when both bounds are null,
    /// "opens at <paramref name="to"/>" when only <paramref name="to"/> is given, "open until <paramref name="from"/>"
    /// when only <paramref name="from"/> is given, otherwise closed <c>[from, to)</c>.
    /// </summary>
    public Task<CalendarChangeResult> DeclareClosureAsync(
        IReadOnlyCollection<string> calendarCodes, LocalDate date, LocalTime? from, LocalTime? to, string reason, string actor,
        CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageClosureAsync(db, calendarCodes, date, from, to, reason, actor, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewClosureAsync(
        IReadOnlyCollection<string> calendarCodes, LocalDate date, LocalTime? from, LocalTime? to, string reason,
        CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageClosureAsync(db, calendarCodes, date, from, to, reason, "preview", ct), cancellationToken);

    public Task<CalendarChangeResult> RemoveClosureAsync(int closureId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageRemoveClosureAsync(db, closureId, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewRemoveClosureAsync(int closureId, CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageRemoveClosureAsync(db, closureId, ct), cancellationToken);

    /// <summary>The closures of a calendar between two dates (inclusive), for lists and the HTTP API.</summary>
    public async Task<IReadOnlyList<Closure>> ListClosuresAsync(string calendarCode, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _ = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == calendarCode, cancellationToken)
            ?? throw new CalendarChangeException("calendar-not-found", calendarCode);
        return await db.Closures.AsNoTracking()
            .Include(c => c.Calendars)
            .Where(c => c.Date >= from && c.Date <= to && c.Calendars.Any(k => k.Code == calendarCode))
            .OrderBy(c => c.Date).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One closure of a calendar with all its calendars, or null when that calendar has no such closure.</summary>
    public async Task<Closure?> FindClosureAsync(string calendarCode, int closureId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Closures.AsNoTracking()
            .Include(c => c.Calendars)
            .FirstOrDefaultAsync(c => c.Id == closureId && c.Calendars.Any(k => k.Code == calendarCode), cancellationToken);
    }

    /// <summary>
    /// Detaches a closure from one calendar and retimes only that calendar's cases; the closure itself is deleted
    /// with its last calendar. A governorate lifting a closure for its own calendar must not reopen the others.
    /// </summary>
    public Task<CalendarChangeResult> RemoveClosureFromCalendarAsync(string calendarCode, int closureId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageRemoveClosureFromCalendarAsync(db, calendarCode, closureId, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewRemoveClosureFromCalendarAsync(string calendarCode, int closureId, CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageRemoveClosureFromCalendarAsync(db, calendarCode, closureId, ct), cancellationToken);

    // ---- holidays

    public Task<CalendarChangeResult> AddHolidayAsync(
        string calendarCode, LocalDate date, string nameFa, string? nameEn, bool official, bool tentative, string actor,
        CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageAddHolidayAsync(db, calendarCode, date, nameFa, nameEn, official, tentative, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewAddHolidayAsync(string calendarCode, LocalDate date, CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageAddHolidayAsync(db, calendarCode, date, "preview", null, true, false, ct), cancellationToken);

    /// <summary>Moves a holiday (typically a lunar date announced a day later); <paramref name="confirm"/> also confirms it.</summary>
    public Task<CalendarChangeResult> MoveHolidayAsync(int holidayId, LocalDate newDate, bool confirm, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageMoveHolidayAsync(db, holidayId, newDate, confirm, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewMoveHolidayAsync(int holidayId, LocalDate newDate, CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageMoveHolidayAsync(db, holidayId, newDate, false, ct), cancellationToken);

    /// <summary>Confirms a tentative holiday on its date. Working time does not change, so nothing is retimed.</summary>
    public Task<CalendarChangeResult> ConfirmHolidayAsync(int holidayId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageConfirmHolidayAsync(db, holidayId, ct), actor, cancellationToken);

    public Task<CalendarChangeResult> RemoveHolidayAsync(int holidayId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageRemoveHolidayAsync(db, holidayId, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewRemoveHolidayAsync(int holidayId, CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageRemoveHolidayAsync(db, holidayId, ct), cancellationToken);

    /// <summary>
    /// Adds many holidays to one calendar in one change (a CSV of official dates). Rows already present (same date and
    /// Persian name, in the calendar or earlier in the file) are skipped; an invalid row refuses the whole import.
    /// </summary>
    public async Task<HolidayImportResult> ImportHolidaysAsync(
        string calendarCode, IReadOnlyList<HolidayImportRow> rows, string actor, CancellationToken cancellationToken = default)
    {
        var counts = new HolidayImportCounts();
        var change = await ApplyAsync((db, ct) => StageImportHolidaysAsync(db, calendarCode, rows, counts, ct), actor, cancellationToken);
        return new HolidayImportResult(counts.Added, counts.Skipped, change);
    }

    public async Task<HolidayImportPreview> PreviewImportHolidaysAsync(
        string calendarCode, IReadOnlyList<HolidayImportRow> rows, CancellationToken cancellationToken = default)
    {
        var counts = new HolidayImportCounts();
        var retime = await PreviewAsync((db, ct) => StageImportHolidaysAsync(db, calendarCode, rows, counts, ct), cancellationToken);
        return new HolidayImportPreview(counts.Added, counts.Skipped, retime);
    }

    // ---- schedules

    /// <summary>Adds a weekly schedule version in force from <paramref name="effectiveFrom"/> (seasonal hours).</summary>
    public Task<CalendarChangeResult> AddScheduleVersionAsync(
        string calendarCode, LocalDate effectiveFrom, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> week, string actor,
        CancellationToken cancellationToken = default) =>
        ApplyAsync((db, ct) => StageScheduleAsync(db, calendarCode, effectiveFrom, week, ct), actor, cancellationToken);

    public Task<RetimePreview> PreviewScheduleVersionAsync(
        string calendarCode, LocalDate effectiveFrom, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> week,
        CancellationToken cancellationToken = default) =>
        PreviewAsync((db, ct) => StageScheduleAsync(db, calendarCode, effectiveFrom, week, ct), cancellationToken);

    // ---- the two paths every change takes

    private async Task<CalendarChangeResult> ApplyAsync(Stage stage, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw new CalendarChangeException("actor-required");
        }

        Staged staged;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            staged = await stage(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var ids = staged.Calendars.Select(c => c.Id).ToArray();
        RetimeResult result;
        if (staged.ChangesWorkingTime)
        {
            result = await retime.RetimeAsync(ids, actor, staged.Reason, cancellationToken);
        }
        else
        {
            calendars.Invalidate();
            result = RetimeResult.None;
        }

        return new CalendarChangeResult(staged.Id(), ids, result);
    }

    private async Task<RetimePreview> PreviewAsync(Stage stage, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staged = await stage(db, cancellationToken);
        return await retime.PreviewAsync(staged.Calendars.ToDictionary(c => c.Id, c => c.ToWorkingCalendar()), cancellationToken);
    }

    // ---- the changes, applied to tracked entities (saved by ApplyAsync, discarded by PreviewAsync)

    private async Task<Staged> StageClosureAsync(
        ComplaintsDbContext db, IReadOnlyCollection<string> calendarCodes, LocalDate date, LocalTime? from, LocalTime? to, string reason,
        string actor, CancellationToken cancellationToken)
    {
        var codes = (calendarCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (codes.Length == 0)
        {
            throw new CalendarChangeException("calendars-required");
        }

        var text = ValidReason(reason);
        if (from is { } f && to is { } t && t <= f)
        {
            throw new CalendarChangeException("closure-range-invalid");
        }

        var loaded = await Full(db).Where(c => codes.Contains(c.Code)).ToListAsync(cancellationToken);
        var missing = codes.FirstOrDefault(code => !loaded.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)));
        if (missing is not null)
        {
            throw new CalendarChangeException("calendar-not-found", missing);
        }

        var today = time.GetUtcNow().ToInstant().InZone(loaded[0].ToWorkingCalendar().Zone).Date;
        if (Math.Abs(Period.Between(today, date, PeriodUnits.Days).Days) > ClosureDayRange)
        {
            throw new CalendarChangeException("closure-date-out-of-range", ClosureDayRange);
        }

        var duplicate = loaded.FirstOrDefault(c => c.Closures.Any(x => x.Date == date && x.From == from && x.To == to));
        if (duplicate is not null)
        {
            throw new CalendarChangeException("closure-duplicate", duplicate.Code);
        }

        var closure = new Closure
        {
            Date = date,
            From = from,
            To = to,
            Reason = text,
            DeclaredAt = time.GetUtcNow().ToInstant(),
            DeclaredBy = actor,
        };
        foreach (var calendar in loaded)
        {
            calendar.Closures.Add(closure);
        }

        return new Staged(loaded, Reason("retime-closure-declared", $"{Jalali.FormatDate(date)} {text}"), () => closure.Id);
    }

    private static async Task<Staged> StageRemoveClosureAsync(ComplaintsDbContext db, int closureId, CancellationToken cancellationToken)
    {
        var calendarIds = await db.Closures.Where(c => c.Id == closureId).SelectMany(c => c.Calendars.Select(k => k.Id)).ToListAsync(cancellationToken);
        var loaded = await Full(db).Where(c => calendarIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var closure = loaded.SelectMany(c => c.Closures).FirstOrDefault(c => c.Id == closureId)
            ?? await db.Closures.FirstOrDefaultAsync(c => c.Id == closureId, cancellationToken)
            ?? throw new CalendarChangeException("closure-not-found");
        foreach (var calendar in loaded)
        {
            calendar.Closures.Remove(closure);
        }

        db.Closures.Remove(closure);
        return new Staged(loaded, Reason("retime-closure-removed", $"{Jalali.FormatDate(closure.Date)} {closure.Reason}"), () => closureId);
    }

    private static async Task<Staged> StageRemoveClosureFromCalendarAsync(ComplaintsDbContext db, string calendarCode, int closureId, CancellationToken cancellationToken)
    {
        var calendar = await OneAsync(db, calendarCode, cancellationToken);
        var closure = calendar.Closures.FirstOrDefault(c => c.Id == closureId)
            ?? throw new CalendarChangeException("closure-not-found");
        var sharedWithOthers = await db.Closures.Where(c => c.Id == closureId)
            .SelectMany(c => c.Calendars)
            .AnyAsync(k => k.Id != calendar.Id, cancellationToken);
        calendar.Closures.Remove(closure);
        if (!sharedWithOthers)
        {
            db.Closures.Remove(closure);
        }

        return new Staged([calendar], Reason("retime-closure-removed", $"{Jalali.FormatDate(closure.Date)} {closure.Reason}"), () => closureId);
    }

    private static async Task<Staged> StageAddHolidayAsync(
        ComplaintsDbContext db, string calendarCode, LocalDate date, string nameFa, string? nameEn, bool official, bool tentative,
        CancellationToken cancellationToken)
    {
        var calendar = await OneAsync(db, calendarCode, cancellationToken);
        var name = (nameFa ?? "").Trim();
        if (name.Length == 0)
        {
            throw new CalendarChangeException("holiday-name-required");
        }

        if (name.Length > MaxNameLength || (nameEn?.Trim().Length ?? 0) > MaxNameLength)
        {
            throw new CalendarChangeException("reason-too-long", MaxNameLength);
        }

        if (calendar.Holidays.Any(h => h.Date == date))
        {
            throw new CalendarChangeException("holiday-exists", calendar.Code);
        }

        var holiday = new Holiday { Date = date, NameFa = name, NameEn = nameEn?.Trim() ?? "", Official = official, Tentative = tentative };
        calendar.Holidays.Add(holiday);
        return new Staged([calendar], Reason("retime-holiday-added", $"{Jalali.FormatDate(date)} {name}"), () => holiday.Id);
    }

    private static async Task<Staged> StageMoveHolidayAsync(ComplaintsDbContext db, int holidayId, LocalDate newDate, bool confirm, CancellationToken cancellationToken)
    {
        var (calendar, holiday) = await HolidayAsync(db, holidayId, cancellationToken);
        if (holiday.Date == newDate)
        {
            throw new CalendarChangeException("holiday-same-date");
        }

        if (calendar.Holidays.Any(h => h.Date == newDate))
        {
            throw new CalendarChangeException("holiday-exists", calendar.Code);
        }

        var old = holiday.Date;
        holiday.Date = newDate;
        if (confirm)
        {
            holiday.Tentative = false;
        }

        return new Staged(
            [calendar],
            Reason("retime-holiday-moved", $"{holiday.NameFa} {Jalali.FormatDate(old)} → {Jalali.FormatDate(newDate)}"),
            () => holidayId);
    }

    private static async Task<Staged> StageConfirmHolidayAsync(ComplaintsDbContext db, int holidayId, CancellationToken cancellationToken)
    {
        var (calendar, holiday) = await HolidayAsync(db, holidayId, cancellationToken);
        if (!holiday.Tentative)
        {
            throw new CalendarChangeException("holiday-not-tentative");
        }

        holiday.Tentative = false;
        return new Staged([calendar], Reason("retime-holiday-confirmed", holiday.NameFa), () => holidayId, ChangesWorkingTime: false);
    }

    private static async Task<Staged> StageRemoveHolidayAsync(ComplaintsDbContext db, int holidayId, CancellationToken cancellationToken)
    {
        var (calendar, holiday) = await HolidayAsync(db, holidayId, cancellationToken);
        calendar.Holidays.Remove(holiday);
        db.Holidays.Remove(holiday);
        return new Staged([calendar], Reason("retime-holiday-removed", $"{Jalali.FormatDate(holiday.Date)} {holiday.NameFa}"), () => holidayId);
    }

    private static async Task<Staged> StageImportHolidaysAsync(
        ComplaintsDbContext db, string calendarCode, IReadOnlyList<HolidayImportRow> rows, HolidayImportCounts counts, CancellationToken cancellationToken)
    {
        var calendar = await OneAsync(db, calendarCode, cancellationToken);
        if (rows is null || rows.Count == 0)
        {
            throw new CalendarChangeException("holiday-import-empty");
        }

        var present = calendar.Holidays.Select(h => (h.Date, h.NameFa)).ToHashSet();
        counts.Added = counts.Skipped = 0;
        foreach (var row in rows)
        {
            var name = (row.NameFa ?? "").Trim();
            if (name.Length == 0)
            {
                throw new CalendarChangeException("holiday-name-required");
            }

            if (name.Length > MaxNameLength || (row.NameEn?.Trim().Length ?? 0) > MaxNameLength)
            {
                throw new CalendarChangeException("reason-too-long", MaxNameLength);
            }

            if (!present.Add((row.Date, name)))
            {
                counts.Skipped++;
                continue;
            }

            calendar.Holidays.Add(new Holiday { Date = row.Date, NameFa = name, NameEn = row.NameEn?.Trim() ?? "", Official = row.Official, Tentative = row.Tentative });
            counts.Added++;
        }

        return new Staged(
            [calendar], Reason("retime-holidays-imported", Jalali.ToPersianDigits(counts.Added)), () => null, ChangesWorkingTime: counts.Added > 0);
    }

    private static async Task<Staged> StageScheduleAsync(
        ComplaintsDbContext db, string calendarCode, LocalDate effectiveFrom, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> week,
        CancellationToken cancellationToken)
    {
        var calendar = await OneAsync(db, calendarCode, cancellationToken);
        if (week is null || week.All(d => d.Value is null || d.Value.Count == 0))
        {
            throw new CalendarChangeException("schedule-empty");
        }

        try
        {
            _ = new ScheduleVersion(effectiveFrom, week.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value));
        }
        catch (ArgumentException)
        {
            throw new CalendarChangeException("schedule-invalid");
        }

        if (calendar.Schedules.Any(s => s.EffectiveFrom == effectiveFrom))
        {
            throw new CalendarChangeException("schedule-exists", calendar.Code);
        }

        var schedule = new WeeklySchedule
        {
            EffectiveFrom = effectiveFrom,
            Ranges = week.Where(d => d.Value is not null)
                .SelectMany(d => d.Value.Select(r => new WeeklyRange { Day = d.Key, From = r.From, To = r.To }))
                .ToList(),
        };
        calendar.Schedules.Add(schedule);
        return new Staged([calendar], Reason("retime-schedule-added", Jalali.FormatDate(effectiveFrom)), () => schedule.Id);
    }

    private static IQueryable<WorkCalendar> Full(ComplaintsDbContext db) =>
        db.Calendars.AsSplitQuery()
            .Include(c => c.Schedules).ThenInclude(s => s.Ranges)
            .Include(c => c.Holidays)
            .Include(c => c.Closures);

    private static async Task<WorkCalendar> OneAsync(ComplaintsDbContext db, string calendarCode, CancellationToken cancellationToken) =>
        await Full(db).FirstOrDefaultAsync(c => c.Code == calendarCode, cancellationToken)
            ?? throw new CalendarChangeException("calendar-not-found", calendarCode ?? "");

    private static async Task<(WorkCalendar Calendar, Holiday Holiday)> HolidayAsync(ComplaintsDbContext db, int holidayId, CancellationToken cancellationToken)
    {
        var calendarId = await db.Holidays.Where(h => h.Id == holidayId).Select(h => (int?)h.CalendarId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CalendarChangeException("holiday-not-found");
        var calendar = await Full(db).FirstAsync(c => c.Id == calendarId, cancellationToken);
        return (calendar, calendar.Holidays.First(h => h.Id == holidayId));
    }

    private static string ValidReason(string reason)
    {
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            throw new CalendarChangeException("reason-required");
        }

        if (text.Length > MaxReasonLength)
        {
            throw new CalendarChangeException("reason-too-long", MaxReasonLength);
        }

        return text;
    }

    // The timeline reason of the retime, in Persian like the rest of the case file.
    private static string Reason(string key, string detail) => SlaText.Format(key, SlaText.Persian, detail);

    private sealed record Staged(IReadOnlyList<WorkCalendar> Calendars, string Reason, Func<int?> Id, bool ChangesWorkingTime = true);
}

/// <summary>One holiday of an import (a CSV row).</summary>
public sealed record HolidayImportRow(LocalDate Date, string NameFa, string? NameEn, bool Official, bool Tentative);

public sealed record HolidayImportPreview(int Added, int Skipped, RetimePreview Retime);

public sealed record HolidayImportResult(int Added, int Skipped, CalendarChangeResult Change);

// Filled in by the import's staging, read once the change is saved or previewed.
internal sealed class HolidayImportCounts
{
    public int Added { get; set; }

    public int Skipped { get; set; }
}
