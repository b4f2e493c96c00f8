using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class ScheduleDialog
{
    private const string DateField = "date";

    /// <summary>The version the form starts from (usually the one in force).</summary>
    [Parameter]
    public ScheduleView? Template { get; set; }

    public Dictionary<IsoDayOfWeek, string> Ranges { get; } = [];

    protected override void OnInitialized()
    {
        DateText = Jalali.FormatDate(Today.PlusDays(1));
        foreach (var day in AdminInput.Week)
        {
            Ranges[day] = Template is null ? "" : AdminInput.FormatRanges(Template.On(day));
        }
    }

    protected override ScheduleRequest? Validate()
    {
        if (!Jalali.TryParseDate(DateText, out var date))
        {
            Invalid[DateField] = BilingualMessage.Of("DateInvalid");
        }

        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>>();
        foreach (var day in AdminInput.Week)
        {
            if (!AdminInput.TryParseRanges(Ranges[day], out var ranges))
            {
                Invalid[day.ToString()] = BilingualMessage.Of("RangesInvalid", Jalali.DayName(day), day.ToString());
                continue;
            }

            if (ranges.Zip(ranges.Skip(1)).Any(p => p.Second.From < p.First.To))
            {
                Invalid[day.ToString()] = BilingualMessage.Of("RangesOverlap", Jalali.DayName(day), day.ToString());
                continue;
            }

            if (ranges.Count > 0)
            {
                week[day] = ranges;
            }
        }

        if (Invalid.Count == 0 && week.Count == 0)
        {
            Invalid[DateField] = BilingualMessage.Of("ScheduleEmpty");
        }

        return Invalid.Count > 0 ? null : new ScheduleRequest(date, week);
    }
}
