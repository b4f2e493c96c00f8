using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintConsole.Admin;

public sealed partial class RoutingAdminPage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private RoutingView? _view;
    private Dictionary<string, RowEdit> _edits = [];
    private bool _busy;
    private BilingualMessage? _saved;
    private IReadOnlyCollection<BilingualMessage> _errors = [];

    [Inject]
    public required RoutingService Routing { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required AuthenticationStateProvider Auth { get; init; }

    [Inject]
    public required IStringLocalizer<AdminText> T { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _view = await Routing.GetAsync();
        _edits = _view.Agencies.ToDictionary(a => a.Code, a => new RowEdit { DeskCode = a.DeskCode, Active = a.Active });
    }

    private async Task SaveAsync(RoutingAgency agency, RowEdit edit)
    {
        _saved = null;
        _errors = [];
        var from = Desk(agency.DeskCode);
        var to = Desk(edit.DeskCode);
        if (from is not null && to is not null && from.Code != to.Code && !await ConfirmMoveAsync(agency, from, to, deactivating: agency.Active && !edit.Active))
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = (await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "";
            var result = await Routing.SaveAsync(agency.Code, edit.DeskCode, edit.Active, actor);
            switch (result)
            {
                case RoutingResult.Saved saved:
                    _saved = SavedMessage(agency, from, saved);
                    break;
                case RoutingResult.Refused refused:
                    _errors = [refused.Message];
                    break;
            }

            // Reload either way: another administrator may have changed routing meanwhile, and counts move.
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<bool> ConfirmMoveAsync(RoutingAgency agency, RoutingDesk from, RoutingDesk to, bool deactivating)
    {
        var parameters = new DialogParameters<RoutingConfirmDialog>
        {
            { d => d.Agency, agency },
            { d => d.From, from },
            { d => d.To, to },
            { d => d.Deactivating, deactivating },
        };
        var reference = await Dialogs.ShowAsync<RoutingConfirmDialog>(null, parameters, Options);
        var result = await reference.Result;
        return result is { Canceled: false };
    }

    private BilingualMessage SavedMessage(RoutingAgency agency, RoutingDesk? from, RoutingResult.Saved saved)
    {
        var parts = new List<BilingualMessage>();
        if (saved.DeskChanged && Desk(saved.DeskCode) is { } to)
        {
            parts.Add(BilingualMessage.OfEach("RoutingSavedDesk", [agency.NameFa, to.NameFa], [agency.NameEn, to.NameEn]));
            if (saved.LeftBehind > 0 && from is not null)
            {
                parts.Add(BilingualMessage.OfEach("RoutingSavedLeft", [saved.LeftBehind, from.NameFa], [saved.LeftBehind, from.NameEn]));
            }
        }

        if (saved.Active != agency.Active)
        {
            var key = saved.Active ? "RoutingSavedActive" : "RoutingSavedInactive";
            parts.Add(BilingualMessage.OfEach(key, [agency.NameFa], [agency.NameEn]));
        }

        return parts.Count == 0
            ? BilingualMessage.OfEach("RoutingSavedNothing", [agency.NameFa], [agency.NameEn])
            : parts.Aggregate((a, b) => a.Then(b));
    }

    private static bool IsChanged(RoutingAgency agency, RowEdit edit) => agency.DeskCode != edit.DeskCode || agency.Active != edit.Active;

    private RoutingDesk? Desk(string code) => _view?.Desks.FirstOrDefault(d => d.Code == code);

    private string DeskName(string code) => Desk(code)?.NameFa ?? code;

    private string? CalendarText(string code) => Desk(code) is { } d ? string.Format(T["RoutingCalendar"], d.CalendarNameFa) : null;

    private sealed class RowEdit
    {
        public required string DeskCode { get; set; }

        public bool Active { get; set; }
    }
}
