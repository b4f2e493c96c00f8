using System.Security.Claims;
using ComplaintConsole.Board;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintConsole.Management;

public sealed partial class ManagePage
{
    private const int PageSize = 25;

    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<long, CaseVersion> _selected = [];
    private ManageLookups _lookups = new([], [], []);
    private CaseList _list = new([], 0);
    private CaseFilter _applied = new();
    private int _page = 1;
    private string? _error;
    private IDisposable? _subscription;
    private RefreshCoalescer? _coalescer;

    private string? _search;
    private int? _deskId;
    private int? _agencyId;
    private Layer? _layer;
    private string? _operatorId;
    private int? _minLevel;
    private int? _minAgeDays;

    [Inject]
    public required ManagementService Service { get; init; }

    [Inject]
    public required LiveFeed Feed { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required AuthenticationStateProvider Auth { get; init; }

    [Inject]
    public required IStringLocalizer<ManageText> T { get; init; }

    [Inject]
    public required ILogger<ManagePage> Logger { get; init; }

    private int PageCount => (_list.Total + PageSize - 1) / PageSize;

    public void Dispose()
    {
        _subscription?.Dispose();
        _coalescer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        // Moves, claims and responses by others re-read the current page (at most once a second).
        _coalescer = new RefreshCoalescer(
            Time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60),
            () => InvokeAsync(LoadAsync),
            ex => Logger.LogWarning(ex, "Manage list refresh failed"));
        _subscription = Feed.Subscribe(_ =>
        {
            _coalescer.Signal();
            return Task.CompletedTask;
        });
        _lookups = await Service.GetLookupsAsync(_cts.Token);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _list = await Service.ListAsync(_applied, (_page - 1) * PageSize, PageSize, _cts.Token);

        // A selected case keeps the version it had when selected: a change since must make the move fail, not be hidden.
        StateHasChanged();
    }

    private async Task ApplyAsync()
    {
        _applied = new CaseFilter
        {
            Search = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim(),
            DeskId = _deskId,
            AgencyId = _agencyId,
            Layer = _layer,
            OperatorId = string.IsNullOrEmpty(_operatorId) ? null : _operatorId,
            MinLevel = _minLevel,
            MinAgeDays = _minAgeDays,
        };
        _page = 1;
        _selected.Clear();
        await LoadAsync();
    }

    private async Task ClearAsync()
    {
        (_search, _deskId, _agencyId, _layer, _operatorId, _minLevel, _minAgeDays) = (null, null, null, null, null, null, null);
        await ApplyAsync();
    }

    private async Task SearchKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ApplyAsync();
        }
    }

    private async Task GoToPageAsync(int page)
    {
        _page = page;
        await LoadAsync();
    }

    private void Toggle(CaseRow row, bool selected)
    {
        if (selected)
        {
            _selected[row.Id] = new CaseVersion(row.Id, row.Version);
        }
        else
        {
            _selected.Remove(row.Id);
        }
    }

    private async Task ReassignAsync()
    {
        var parameters = new DialogParameters<ReassignDialog>
        {
            { d => d.Lookups, _lookups },
            { d => d.Count, _selected.Count },
        };
        var dialog = await Dialogs.ShowAsync<ReassignDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not ReassignRequest request)
        {
            return;
        }

        var state = await Auth.GetAuthenticationStateAsync();
        var actor = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user has no id.");
        var outcome = await Service.ReassignAsync(actor, _selected.Values.ToList(), request, _cts.Token);
        _selected.Clear();
        if (outcome.Succeeded)
        {
            _error = null;
            Snackbar.Add(string.Format(T["Moved"], BoardFormat.Number(outcome.Moved)), Severity.Success);
        }
        else
        {
            _error = T[$"Error_{outcome.Error}"];
        }

        await LoadAsync();
    }
}
