using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class ClosureDialog
{
    public enum Field
    {
        Calendars,
        Date,
        From,
        To,
        Reason,
    }

    [Parameter, EditorRequired]
    public IReadOnlyList<CalendarOption> Calendars { get; set; } = [];

    [Parameter]
    public string? CalendarCode { get; set; }

    public HashSet<string> Selected { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ClosureShape Shape { get; set; } = ClosureShape.WholeDay;

    public string? FromText { get; set; }

    public string? ToText { get; set; }

    public string? Reason { get; set; }

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

    protected override ClosureRequest? Validate()
    {
        if (Selected.Count == 0)
        {
            Invalid[Field.Calendars] = BilingualMessage.Of("CalendarsRequired");
        }

        if (!Jalali.TryParseDate(DateText, out var date))
        {
            Invalid[Field.Date] = BilingualMessage.Of("DateInvalid");
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
                Invalid[Field.From] = BilingualMessage.Of("TimeInvalid");
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
                Invalid[Field.To] = BilingualMessage.Of("TimeInvalid");
            }
        }

        if (from is { } a && to is { } b && b <= a)
        {
            Invalid[Field.To] = BilingualMessage.Of("RangeInvalid");
        }

        var reason = (Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            Invalid[Field.Reason] = BilingualMessage.Of("ReasonRequired");
        }

        return Invalid.Count > 0
            ? null
            : new ClosureRequest(Calendars.Where(c => Selected.Contains(c.Code)).Select(c => c.Code).ToList(), date, from, to, reason);
    }
}
