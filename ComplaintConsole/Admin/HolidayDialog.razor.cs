using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

public sealed partial class HolidayDialog
{
    private readonly ChangeFlow _flow = new();
    private readonly Dictionary<Field, BilingualMessage> _invalid = [];
    private HolidayRequest? _request;

    private enum Field
    {
        Date,
        Name,
    }

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>The holiday to move; null adds a new one.</summary>
    [Parameter]
    public HolidayView? Moving { get; set; }

    [Parameter]
    public LocalDate Today { get; set; }

    [Parameter, EditorRequired]
    public Func<HolidayRequest, Task<ChangePreview>> Preview { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<HolidayRequest, Task<ChangeSaved>> Save { get; set; } = null!;

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    public string? DateText { get; set; }

    public string? NameFa { get; set; }

    public string? NameEn { get; set; }

    public bool Official { get; set; } = true;

    public bool Tentative { get; set; }

    public bool ConfirmToo { get; set; } = true;

    private bool Locked => _flow.Preview is not null || _flow.Busy;

    private string? DateHelp => Jalali.TryParseDate(DateText, out var d) ? Jalali.FormatLongDate(d) : T["DateHelp"];

    protected override void OnInitialized() =>
        DateText = Jalali.FormatDate(Moving is { } h ? h.Date.PlusDays(1) : Today);

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

    private HolidayRequest? Validate()
    {
        _invalid.Clear();
        _flow.Error = null;
        if (!Jalali.TryParseDate(DateText, out var date))
        {
            _invalid[Field.Date] = BilingualMessage.Of("DateInvalid");
        }

        var name = (NameFa ?? "").Trim();
        if (Moving is null && name.Length == 0)
        {
            _invalid[Field.Name] = BilingualMessage.Of("HolidayNameRequired");
        }

        return _invalid.Count > 0
            ? null
            : new HolidayRequest(Moving?.Id, date, Moving?.NameFa ?? name, NameEn?.Trim(), Official, Tentative, ConfirmToo);
    }
}
