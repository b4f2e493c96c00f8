using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintConsole.Desks;

/// <summary>Opens <see cref="ActionDialog"/> the same way from the desk and the case page.</summary>
public static class CaseActions
{
    public static async Task<ActionDialog.ActionInput?> AskAsync(
        IDialogService dialogs,
        IStringLocalizer<DeskText> t,
        string name,
        string title,
        string trackingCode,
        string textLabel,
        string? optionLabel,
        string[]? options,
        string? optionPrefix)
    {
        var parameters = new DialogParameters<ActionDialog>
        {
            { x => x.Name, name },
            { x => x.Title, title },
            { x => x.TrackingCode, trackingCode },
            { x => x.TextLabel, textLabel },
            { x => x.OptionLabel, optionLabel ?? "" },
            { x => x.Options, options?.Select(o => (o, t[optionPrefix + o].Value)).ToList() },
        };
        var reference = await dialogs.ShowAsync<ActionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await reference.Result;
        return result is { Canceled: false, Data: ActionDialog.ActionInput input } ? input : null;
    }
}
