using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class HolidayDialog
{
    public enum Field
    {
        Date,
        Name,
    }

    /// <summary>The holiday to move; null adds a new one.</summary>
    [Parameter]
    public HolidayView? Moving { get; set; }

    public string? NameFa { get; set; }

    public string? NameEn { get; set; }

    public bool Official { get; set; } = true;

    public bool Tentative { get; set; }

    public bool ConfirmToo { get; set; } = true;

    protected override void OnInitialized() =>
        DateText = Jalali.FormatDate(Moving is { } h ? h.Date.PlusDays(1) : Today);

    protected override HolidayRequest? Validate()
    {
        if (!Jalali.TryParseDate(DateText, out var date))
        {
            Invalid[Field.Date] = BilingualMessage.Of("DateInvalid");
        }

        var name = (NameFa ?? "").Trim();
        if (Moving is null && name.Length == 0)
        {
            Invalid[Field.Name] = BilingualMessage.Of("HolidayNameRequired");
        }

        return Invalid.Count > 0
            ? null
            : new HolidayRequest(Moving?.Id, date, Moving?.NameFa ?? name, NameEn?.Trim(), Official, Tentative, ConfirmToo);
    }
}
