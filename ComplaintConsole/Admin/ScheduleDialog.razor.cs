using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class ScheduleDialog
{
    private const string DateField = "date";
    private readonly ChangeFlow _flow = new();
    private readonly Dictionary<string, BilingualMessage> _invalid = [];
    private ScheduleRequest? _request;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>The version the form starts from (usually the one in force).</summary>
    [Parameter]
    public ScheduleView? Template { get; set; }

    [Parameter]
    public LocalDate Today { get; set; }

    [Parameter, EditorRequired]
    public Func<ScheduleRequest, Task<ChangePreview>> Preview { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<ScheduleRequest, Task<ChangeSaved>> Save { get; set; } = null!;

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    public string? DateText { get; set; }

    public Dictionary<IsoDayOfWeek, string> Ranges { get; } = [];

    private bool Locked => _flow.Preview is not null || _flow.Busy;

    private string? DateHelp => Jalali.TryParseDate(DateText, out var d) ? Jalali.FormatLongDate(d) : T["DateHelp"];

    protected override void OnInitialized()
    {
        DateText = Jalali.FormatDate(Today.PlusDays(1));
        foreach (var day in AdminInput.Week)
        {
            Ranges[day] = Template is null ? "" : AdminInput.FormatRanges(Template.On(day));
        }
    }

    private async Task PreviewAsync()
    {
        _request = Validate();
        if (_request is not { } request)
        {
            return;
        }

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

    private ScheduleRequest? Validate()
    {
        _invalid.Clear();
        _flow.Error = null;
        if (!Jalali.TryParseDate(DateText, out var date))
        {
            _invalid[DateField] = BilingualMessage.Of("DateInvalid");
        }

        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>>();
        foreach (var day in AdminInput.Week)
        {
            if (!AdminInput.TryParseRanges(Ranges[day], out var ranges))
            {
                _invalid[day.ToString()] = BilingualMessage.Of("RangesInvalid", Jalali.DayName(day), day.ToString());
                continue;
            }

            if (ranges.Zip(ranges.Skip(1)).Any(p => p.Second.From < p.First.To))
            {
                _invalid[day.ToString()] = BilingualMessage.Of("RangesOverlap", Jalali.DayName(day), day.ToString());
                continue;
            }

            if (ranges.Count > 0)
            {
                week[day] = ranges;
            }
        }

        if (_invalid.Count == 0 && week.Count == 0)
        {
            _invalid[DateField] = BilingualMessage.Of("ScheduleEmpty");
        }

        return _invalid.Count > 0 ? null : new ScheduleRequest(date, week);
    }
}
