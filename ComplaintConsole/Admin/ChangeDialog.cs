using ComplaintConsole.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Admin;

/// <summary>
/// What the calendar-change dialogs share: a form validated into a <typeparamref name="TRequest"/> (with a message per
/// invalid <typeparamref name="TField"/>), then preview ("N cases get a new deadline"), then save on confirm.
/// </summary>
public abstract class ChangeDialog<TRequest, TField> : ComponentBase
    where TRequest : class
    where TField : notnull
{
    private TRequest? _request;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter]
    public LocalDate Today { get; set; }

    [Parameter, EditorRequired]
    public Func<TRequest, Task<ChangePreview>> Preview { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<TRequest, Task<ChangeSaved>> Save { get; set; } = null!;

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    /// <summary>The date typed as Jalali, in Persian or ASCII digits.</summary>
    public string? DateText { get; set; }

    protected ChangeFlow Flow { get; } = new();

    protected Dictionary<TField, BilingualMessage> Invalid { get; } = [];

    /// <summary>Once previewed (or while busy) the form is read-only: what is confirmed is what was previewed.</summary>
    protected bool Locked => Flow.Preview is not null || Flow.Busy;

    protected string? DateHelp => Jalali.TryParseDate(DateText, out var d) ? Jalali.FormatLongDate(d) : T["DateHelp"];

    /// <summary>Checks the form, filling <see cref="Invalid"/>; null when anything is wrong.</summary>
    protected abstract TRequest? Validate();

    protected async Task PreviewAsync()
    {
        Invalid.Clear();
        Flow.Error = null;
        _request = Validate();
        if (_request is { } request)
        {
            await Flow.PreviewAsync(() => Preview(request));
        }
    }

    protected async Task ConfirmAsync()
    {
        if (_request is not { } request)
        {
            return;
        }

        var saved = await Flow.SaveAsync(() => Save(request));
        if (saved is not null)
        {
            Dialog.Close(DialogResult.Ok(saved));
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
