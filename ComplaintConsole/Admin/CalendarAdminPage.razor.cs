using ComplaintConsole.Calendar;
using ComplaintConsole.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class CalendarAdminPage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private IReadOnlyList<CalendarOption> _calendars = [];
    private MudFileUpload<IBrowserFile>? _upload;
    private string? _code;
    private CalendarView? _view;
    private int _year;
    private bool _loaded;
    private string? _saved;
    private IReadOnlyCollection<BilingualMessage> _errors = [];

    [Inject]
    public required CalendarAdminService Admin { get; init; }

    [Inject]
    public required CalendarChangeService Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required AuthenticationStateProvider Auth { get; init; }

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    private IReadOnlyList<string> Desks => _calendars.FirstOrDefault(c => c.Code == _code)?.DeskNames ?? [];

    private IEnumerable<int> Years =>
        (_view?.Holidays.Select(h => JalaliYear(h.Date)) ?? []).Append(_view is null ? _year : JalaliYear(_view.Today)).Distinct().Order();

    private IReadOnlyList<HolidayView> HolidaysOfYear => _view?.Holidays.Where(h => JalaliYear(h.Date) == _year).ToList() ?? [];

    protected override async Task OnInitializedAsync()
    {
        _calendars = await Admin.ListCalendarsAsync();
        _code = _calendars.Count > 0 ? _calendars[0].Code : null;
        await LoadAsync();
        if (_view is not null)
        {
            _year = JalaliYear(_view.Today);
        }

        _loaded = true;
    }

    private async Task SelectAsync(string code)
    {
        _code = code;
        _saved = null;
        _errors = [];
        await LoadAsync();
    }

    private async Task LoadAsync() => _view = _code is null ? null : await Admin.GetCalendarAsync(_code);

    private async Task<string> ActorAsync() => (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "";

    private Task DeclareClosureAsync() => ShowAsync<ClosureDialog>(new DialogParameters<ClosureDialog>
    {
        { d => d.Calendars, _calendars },
        { d => d.CalendarCode, _code },
        { d => d.Today, _view!.Today },
        { d => d.Preview, async r => ChangePreview.From(await Changes.PreviewClosureAsync(r.CalendarCodes, r.Date, r.From, r.To, r.Reason)) },
        { d => d.Save, async r => ChangeSaved.From(await Changes.DeclareClosureAsync(r.CalendarCodes, r.Date, r.From, r.To, r.Reason, await ActorAsync())) },
    });

    private Task RemoveClosureAsync(ClosureView closure) => ConfirmAsync(
        T["RemoveClosure"],
        string.Format(T["RemoveClosureQuestion"], Jalali.FormatLongDate(closure.Date), ShapeText(closure), closure.Reason),
        async () => ChangePreview.From(await Changes.PreviewRemoveClosureAsync(closure.Id)),
        async () => ChangeSaved.From(await Changes.RemoveClosureAsync(closure.Id, await ActorAsync())));

    private Task AddHolidayAsync() => ShowAsync<HolidayDialog>(new DialogParameters<HolidayDialog>
    {
        { d => d.Today, _view!.Today },
        { d => d.Preview, async r => ChangePreview.From(await Changes.PreviewAddHolidayAsync(_code!, r.Date)) },
        { d => d.Save, async r => ChangeSaved.From(await Changes.AddHolidayAsync(_code!, r.Date, r.NameFa, r.NameEn, r.Official, r.Tentative, await ActorAsync())) },
    });

    private Task MoveHolidayAsync(HolidayView holiday) => ShowAsync<HolidayDialog>(new DialogParameters<HolidayDialog>
    {
        { d => d.Moving, holiday },
        { d => d.Today, _view!.Today },
        { d => d.Preview, async r => ChangePreview.From(await Changes.PreviewMoveHolidayAsync(holiday.Id, r.Date)) },
        { d => d.Save, async r => ChangeSaved.From(await Changes.MoveHolidayAsync(holiday.Id, r.Date, r.Confirm, await ActorAsync())) },
    });

    private Task ConfirmHolidayAsync(HolidayView holiday) => ConfirmAsync(
        T["ConfirmHoliday"],
        string.Format(T["ConfirmHolidayQuestion"], holiday.NameFa, Jalali.FormatLongDate(holiday.Date)),
        () => Task.FromResult(new ChangePreview(0, 0)),
        async () => ChangeSaved.From(await Changes.ConfirmHolidayAsync(holiday.Id, await ActorAsync())));

    private Task RemoveHolidayAsync(HolidayView holiday) => ConfirmAsync(
        T["RemoveHoliday"],
        string.Format(T["RemoveHolidayQuestion"], holiday.NameFa, Jalali.FormatLongDate(holiday.Date)),
        async () => ChangePreview.From(await Changes.PreviewRemoveHolidayAsync(holiday.Id)),
        async () => ChangeSaved.From(await Changes.RemoveHolidayAsync(holiday.Id, await ActorAsync())));

    private Task AddScheduleAsync() => ShowAsync<ScheduleDialog>(new DialogParameters<ScheduleDialog>
    {
        { d => d.Template, _view!.Schedules.FirstOrDefault(s => s.InForce) ?? (_view.Schedules.Count > 0 ? _view.Schedules[0] : null) },
        { d => d.Today, _view.Today },
        { d => d.Preview, async r => ChangePreview.From(await Changes.PreviewScheduleVersionAsync(_code!, r.EffectiveFrom, r.Week)) },
        { d => d.Save, async r => ChangeSaved.From(await Changes.AddScheduleVersionAsync(_code!, r.EffectiveFrom, r.Week, await ActorAsync())) },
    });

    private async Task ImportAsync(IBrowserFile? file)
    {
        _errors = [];
        _saved = null;
        if (file is null || _code is null)
        {
            return;
        }

        if (file.Size > HolidayCsv.MaxBytes)
        {
            _errors = [BilingualMessage.Of("CsvTooLarge", HolidayCsv.MaxBytes / 1024)];
            return;
        }

        string text;
        await using (var stream = file.OpenReadStream(HolidayCsv.MaxBytes))
        using (var reader = new StreamReader(stream))
        {
            text = await reader.ReadToEndAsync();
        }

        // So that the same file can be chosen again after it was fixed.
        if (_upload is not null)
        {
            await _upload.ClearAsync();
        }

        var parsed = HolidayCsv.Parse(text);
        if (parsed.Error is { } error)
        {
            _errors = [error];
            return;
        }

        var code = _code;
        await ConfirmAsync(
            T["ImportCsv"],
            string.Format(T["ImportQuestion"], file.Name, Jalali.ToPersianDigits(parsed.Rows.Count)),
            async () =>
            {
                var p = await Changes.PreviewImportHolidaysAsync(code, parsed.Rows);
                return ChangePreview.From(p.Retime, ImportCounts(p.Added, p.Skipped));
            },
            async () =>
            {
                var r = await Changes.ImportHolidaysAsync(code, parsed.Rows, await ActorAsync());
                return ChangeSaved.From(r.Change, ImportCounts(r.Added, r.Skipped));
            });
    }

    private Task ConfirmAsync(string title, string question, Func<Task<ChangePreview>> preview, Func<Task<ChangeSaved>> save) =>
        ShowAsync<ConfirmChangeDialog>(new DialogParameters<ConfirmChangeDialog>
        {
            { d => d.Title, title },
            { d => d.Question, question },
            { d => d.Preview, preview },
            { d => d.Save, save },
        });

    private async Task ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        _errors = [];
        var reference = await Dialogs.ShowAsync<TDialog>(null, parameters, Options);
        var result = await reference.Result;
        if (result is { Canceled: false, Data: ChangeSaved saved })
        {
            _saved = string.Join(" ", new[] { (saved.Moved == 0 ? T["SavedNone"] : string.Format(T["Saved"], Jalali.ToPersianDigits(saved.Moved))), saved.Detail }.Where(s => s is not null));
        }

        // Reload even after a cancel: another administrator may have changed the calendar meanwhile.
        await LoadAsync();
    }

    private string ImportCounts(int added, int skipped) =>
        string.Format(T["ImportCounts"], Jalali.ToPersianDigits(added), Jalali.ToPersianDigits(skipped));

    private string ShapeText(ClosureView c) => c.Shape switch
    {
        ClosureShape.WholeDay => T["Shape_WholeDay"],
        ClosureShape.OpenUntil => string.Format(T["ShapeOpenUntil"], Jalali.FormatTime(c.From!.Value)),
        ClosureShape.OpensAt => string.Format(T["ShapeOpensAt"], Jalali.FormatTime(c.To!.Value)),
        _ => string.Format(T["ShapeBetween"], Jalali.FormatTime(c.From!.Value), Jalali.FormatTime(c.To!.Value)),
    };

    private string CalendarName(string code) => _calendars.FirstOrDefault(c => c.Code == code)?.NameFa ?? code;

    private static int JalaliYear(LocalDate date) => date.WithCalendar(Jalali.Calendar).Year;
}
