using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class ClosureDialog
{
    private readonly ChangeFlow _flow = new();
    private readonly Dictionary<Field, BilingualMessage> _invalid = [];
    private ClosureRequest? _request;

    private enum Field
    {
        Calendars,
        Date,
        From,
        To,
        Reason,
    }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<CalendarOption> Calendars { get; set; } = [];

    [Parameter]
    public string? CalendarCode { get; set; }

    [Parameter]
    public LocalDate Today { get; set; }

    [Parameter, EditorRequired]
    public Func<ClosureRequest, Task<ChangePreview>> Preview { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<ClosureRequest, Task<ChangeSaved>> Save { get; set; } = null!;

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    public HashSet<string> Selected { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? DateText { get; set; }

    public ClosureShape Shape { get; set; } = ClosureShape.WholeDay;

    public string? FromText { get; set; }

    public string? ToText { get; set; }

    public string? Reason { get; set; }

    private bool Locked => _flow.Preview is not null || _flow.Busy;

    private string? DateHelp => Jalali.TryParseDate(DateText, out var d) ? Jalali.FormatLongDate(d) : T["DateHelp"];

    protected override void OnInitialized()
    {
        if (CalendarCode is not null)
        {
            Selected.Add(CalendarCode);
        }

        // Closures are mostly announced the evening before.
        SetDate(Today.PlusDays(1));
    }

    private void Toggle(string code, bool on)
    {
        if (on)
        {
            Selected.Add(code);
        }
        else
        {
            Selected.Remove(code);
        }
    }

    private void SetDate(LocalDate date) => DateText = Jalali.FormatDate(date);

    private bool DateIs(LocalDate date) => Jalali.TryParseDate(DateText, out var d) && d == date;

    private async Task PreviewAsync()
    {
        _request = Validate();
        if (_request is null)
        {
            return;
        }

        var request = _request;
        await _flow.PreviewAsync(() => Preview(request));
    }

    private async Task ConfirmAsync()
    {
        if (_request is not { } request)
        {
            return;
        }

        var saved = await _flow.SaveAsync(() => Save(request));
        if (saved is not null)
        {
            Dialog.Close(DialogResult.Ok(saved));
        }
    }

    private void Cancel() => Dialog.Cancel();

    private ClosureRequest? Validate()
    {
        _invalid.Clear();
        _flow.Error = null;
        if (Selected.Count == 0)
        {
            _invalid[Field.Calendars] = BilingualMessage.Of("CalendarsRequired");
        }

        if (!Jalali.TryParseDate(DateText, out var date))
        {
            _invalid[Field.Date] = BilingualMessage.Of("DateInvalid");
        }

        LocalTime? from = null, to = null;
        if (Shape is ClosureShape.OpenUntil or ClosureShape.ClosedBetween)
        {
            if (AdminInput.TryParseTime(FromText, out var f))
            {
                from = f;
            }
            else
            {
                _invalid[Field.From] = BilingualMessage.Of("TimeInvalid");
            }
        }

        if (Shape is ClosureShape.OpensAt or ClosureShape.ClosedBetween)
        {
            if (AdminInput.TryParseTime(ToText, out var t))
            {
                to = t;
            }
            else
            {
                _invalid[Field.To] = BilingualMessage.Of("TimeInvalid");
            }
        }

        if (from is { } a && to is { } b && b <= a)
        {
            _invalid[Field.To] = BilingualMessage.Of("RangeInvalid");
        }

        var reason = (Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            _invalid[Field.Reason] = BilingualMessage.Of("ReasonRequired");
        }

        return _invalid.Count > 0
            ? null
            : new ClosureRequest(Calendars.Where(c => Selected.Contains(c.Code)).Select(c => c.Code).ToList(), date, from, to, reason);
    }
}
