using System.Collections.Frozen;
using ComplaintConsole.Calendar;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Desks;

public sealed partial class DeskPage : IAsyncDisposable
{
    /// <summary>The intake form for a caller (Channel Phone, the operator recorded).</summary>
    public const string PhoneIntakeUrl = "/desk/phone";

    private const int QueueWindow = 200;
    private const int MineWindow = 100;
    private static readonly Presence[] PresenceChoices = [Presence.Available, Presence.Busy, Presence.OnBreak, Presence.Offline];

    private readonly HashSet<long> _fresh = [];
    private readonly Dictionary<int, WorkingCalendar> _calendars = [];
    private readonly Dictionary<int, AgencyInfo?> _agencies = [];
    private CaseAccess _access = CaseAccess.Nobody;
    private volatile FrozenSet<int> _readableDesks = FrozenSet<int>.Empty;
    private IReadOnlyList<DeskInfo> _desks = [];
    private ShiftView? _shift;
    private DeskInfo? _desk;
    private List<CaseRow> _queue = [];
    private int _queueTotal;
    private List<CaseRow> _mine = [];
    private List<LiveEvent>? _pending = [];
    private bool _loading = true;
    private bool _sound;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private string? _selected;
    private string _search = "";
    private IReadOnlyList<CaseRow>? _searchResults;
    private IDisposable? _subscription;
    private ITimer? _ticker;
    private IJSObjectReference? _module;
    private IJSObjectReference? _shortcuts;
    private DotNetObjectReference<DeskPage>? _self;

    [Inject]
    public required DeskService Desks { get; init; }

    /// <summary>Sla:AtRiskWindow: the business time before a deadline during which a case stands out as at risk.</summary>
    [Inject]
    public required Microsoft.Extensions.Options.IOptions<Sla.SlaOptions> SlaOptions { get; init; }

    private Duration AtRiskWindow => SlaOptions.Value.AtRiskWindow.ToDuration();

    [Inject]
    public required CaseAccessResolver Resolver { get; init; }

    [Inject]
    public required LiveFeed Feed { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IStringLocalizer<DeskText> T { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private enum RowState
    {
        Normal,
        AtRisk,
        Overdue,
    }

    private Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    private int AtRiskCount => _queue.Concat(_mine).Count(r => StateOf(r) == RowState.AtRisk);

    private int OverdueCount => _queue.Concat(_mine).Count(r => StateOf(r) == RowState.Overdue);

    protected override void OnInitialized()
    {
        // Subscribed before the first read: what arrives while loading is queued and replayed, so nothing falls between.
        _subscription = Feed.Subscribe(OnLiveEventAsync, e => _readableDesks.Contains(e.DeskId) || e.Kind == ComplaintEventKind.Reassigned);
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return; // The prerendered page is a placeholder; the circuit loads the desk once.
        }

        var state = await AuthenticationState;
        _access = await Resolver.ForAsync(state.User);
        _readableDesks = _access.DeskIds;
        _desks = (await Desks.DesksForAsync(_access)).Where(d => _access.CanSitAt(d.Id)).ToList();
        foreach (var deskId in _access.DeskIds)
        {
            _calendars[deskId] = await Desks.CalendarForDeskAsync(deskId);
        }

        _shift = await Desks.GetShiftAsync(_access);
        await LoadDeskAsync();
        _loading = false;
        var pending = _pending ?? [];
        _pending = null;
        foreach (var e in pending)
        {
            Apply(e, announce: false);
        }

        await LoadAgenciesAsync();
        _ticker = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_loading && _module is null)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Desks/DeskPage.razor.js");
            _self = DotNetObjectReference.Create(this);
            _shortcuts = await _module.InvokeAsync<IJSObjectReference>("attach", _self);
            var sound = await _module.InvokeAsync<bool>("getSound");
            if (sound != _sound)
            {
                _sound = sound;
                StateHasChanged();
            }
        }
    }

    [JSInvokable]
    public Task Shortcut(string name) => InvokeAsync(async () =>
    {
        switch (name)
        {
            case "claim-next":
                await ClaimNextAsync();
                break;
            case "respond":
                var row = _mine.FirstOrDefault(r => r.TrackingCode == _selected) ?? _mine.FirstOrDefault();
                if (row is not null)
                {
                    await RespondAsync(row);
                }

                break;
            case "phone":
                Navigation.NavigateTo(PhoneIntakeUrl);
                break;
        }

        StateHasChanged();
    });

    private async Task LoadDeskAsync()
    {
        _desk = _shift is null ? null : await Desks.GetDeskAsync(_shift.DeskId);
        if (_desk is null)
        {
            _queue = [];
            _queueTotal = 0;
            _mine = [];
            return;
        }

        var queue = await Desks.QueueAsync(_access, _desk.Id, QueueWindow);
        _queue = queue.Items.ToList();
        _queueTotal = queue.Total;
        _mine = (await Desks.MyCasesAsync(_access, MineWindow)).ToList();
    }

    private async Task LoadAgenciesAsync()
    {
        foreach (var id in _queue.Concat(_mine).Select(r => r.AgencyId).Distinct().Where(id => !_agencies.ContainsKey(id)).ToList())
        {
            _agencies[id] = await Desks.GetAgencyAsync(id);
        }
    }

    private Task OnLiveEventAsync(LiveEvent e) => InvokeAsync(async () =>
    {
        if (_pending is not null)
        {
            _pending.Add(e);
            return;
        }

        var arrived = Apply(e, announce: true);
        if (!_agencies.ContainsKey(e.AgencyId))
        {
            _agencies[e.AgencyId] = await Desks.GetAgencyAsync(e.AgencyId);
        }

        if (e.AfterGap || (_queue.Count < Math.Min(_queueTotal, QueueWindow)))
        {
            // This circuit fell behind (or its window ran dry): re-read instead of guessing.
            await LoadDeskAsync();
        }

        StateHasChanged();
        if (arrived && _sound && _module is not null)
        {
            await _module.InvokeVoidAsync("beep");
        }
    });

    /// <summary>Applies one committed event to the queue and "my cases"; true when it is a new arrival on this desk.</summary>
    /// <summary>
    /// Set-based changes (overdue sweep, retime) publish the case's state without its subject, kind and channel: keep
    /// those from the row already shown.
    /// </summary>
    private static CaseRow Merge(CaseRow update, CaseRow shown) =>
        update.Subject.Length > 0 ? update : update with { Subject = shown.Subject, Kind = shown.Kind, Channel = shown.Channel };

    private bool Apply(LiveEvent e, bool announce)
    {
        var row = CaseRow.From(e);
        var onThisDesk = _desk is not null && e.DeskId == _desk.Id;
        var qi = _queue.FindIndex(r => r.Id == e.ComplaintId);
        var arrived = false;
        if (onThisDesk && row.IsUnassigned)
        {
            if (qi >= 0)
            {
                _queue[qi] = Merge(row, _queue[qi]);
            }
            else
            {
                _queueTotal++;
                var at = _queue.FindIndex(r => r.ReceivedAt > row.ReceivedAt || (r.ReceivedAt == row.ReceivedAt && r.Id > row.Id));
                if (at < 0 && _queue.Count < QueueWindow)
                {
                    _queue.Add(row);
                }
                else if (at >= 0)
                {
                    _queue.Insert(at, row);
                    if (_queue.Count > QueueWindow)
                    {
                        _queue.RemoveAt(_queue.Count - 1);
                    }
                }

                if (announce && e.Kind == ComplaintEventKind.Received)
                {
                    _fresh.Add(e.ComplaintId);
                    arrived = true;
                }
            }
        }
        else if (qi >= 0)
        {
            _queue.RemoveAt(qi);
            _queueTotal = Math.Max(0, _queueTotal - 1);
        }
        else if (onThisDesk && e.Kind == ComplaintEventKind.Claimed)
        {
            _queueTotal = Math.Max(0, _queueTotal - 1); // claimed from beyond this screen's window
        }

        var mi = _mine.FindIndex(r => r.Id == e.ComplaintId);
        var mine = e.AssignedOperatorId == _access.UserId && e.Status != ComplaintStatus.Closed && _access.CanRead(e.DeskId);
        if (mine && mi >= 0)
        {
            _mine[mi] = Merge(row, _mine[mi]);
        }
        else if (mine)
        {
            _mine.Add(row);
            _mine.Sort((a, b) => a.ResponseDueAt.CompareTo(b.ResponseDueAt));
        }
        else if (mi >= 0)
        {
            _mine.RemoveAt(mi);
        }

        return arrived;
    }

    private async Task StartShiftAsync(int deskId)
    {
        var result = await Desks.StartShiftAsync(_access, deskId);
        if (!result.Succeeded)
        {
            Report(result, "");
            return;
        }

        _shift = await Desks.GetShiftAsync(_access);
        await LoadDeskAsync();
        await LoadAgenciesAsync();
        _message = null;
    }

    private async Task SetPresenceAsync(Presence presence)
    {
        var result = await Desks.SetPresenceAsync(_access, presence);
        if (!result.Succeeded)
        {
            Report(result, "");
            return;
        }

        _shift = await Desks.GetShiftAsync(_access);
        if (_shift is null)
        {
            await LoadDeskAsync();
        }
    }

    private async Task ClaimAsync(CaseRow row)
    {
        var result = await Desks.ClaimAsync(_access, row.TrackingCode);
        Report(result, string.Format(T["Claimed"], row.TrackingCode));
        if (result.Succeeded)
        {
            _selected = row.TrackingCode;
            _fresh.Remove(row.Id);
        }
        else if (result.Error is "claim-lost" or "already-claimed" or "not-found")
        {
            // Our screen was behind the colleague's claim: drop the row now rather than wait for the feed.
            if (_queue.RemoveAll(r => r.Id == row.Id) > 0)
            {
                _queueTotal = Math.Max(0, _queueTotal - 1);
            }
        }
    }

    private async Task ClaimNextAsync()
    {
        if (_desk is null)
        {
            return;
        }

        var result = await Desks.ClaimNextAsync(_access, _desk.Id);
        Report(result, string.Format(T["Claimed"], result.TrackingCode));
        if (result.Succeeded)
        {
            _selected = result.TrackingCode;
        }
    }

    private Task RespondAsync(CaseRow row) => RunDialogAsync(
        row,
        "respond",
        T["RespondTitle"],
        T["RespondSummary"],
        T["RespondMethod"],
        ["phone-call", "sms", "letter", "email", "in-person"],
        "Method_",
        input => Desks.RespondAsync(_access, row.TrackingCode, input.Option!, input.Text));

    private Task NoteAsync(CaseRow row) => RunDialogAsync(
        row, "note", T["NoteTitle"], T["NoteText"], null, null, null, input => Desks.AddNoteAsync(_access, row.TrackingCode, input.Text));

    private Task ReferAsync(CaseRow row) => RunDialogAsync(
        row, "refer", T["ReferTitle"], T["ReferReason"], null, null, null, input => Desks.ReferAsync(_access, row.TrackingCode, input.Text));

    private Task CloseAsync(CaseRow row) => RunDialogAsync(
        row,
        "close",
        T["CloseTitle"],
        T["CloseText"],
        T["CloseOutcome"],
        ["resolved", "unfounded", "outside", "withdrawn"],
        "Outcome_",
        input => Desks.CloseAsync(_access, row.TrackingCode, $"{T["Outcome_" + input.Option!]}: {input.Text}"));

    private async Task RunDialogAsync(
        CaseRow row,
        string name,
        string title,
        string textLabel,
        string? optionLabel,
        string[]? options,
        string? optionPrefix,
        Func<ActionDialog.ActionInput, Task<DeskResult>> action)
    {
        _selected = row.TrackingCode;
        var result = await CaseActions.AskAsync(Dialogs, T, name, title, row.TrackingCode, textLabel, optionLabel, options, optionPrefix);
        if (result is null)
        {
            return;
        }

        Report(await action(result), T["Saved"]);
    }

    private async Task OnSearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter")
        {
            return;
        }

        var text = _search.Trim();
        if (text.Length < 2)
        {
            _searchResults = null;
            return;
        }

        _searchResults = await Desks.SearchAsync(_access, text, 20);
        if (_searchResults.Count == 1 && string.Equals(_searchResults[0].TrackingCode, text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
        {
            Navigation.NavigateTo(CaseUrl(_searchResults[0]));
        }
    }

    private async Task ToggleSoundAsync()
    {
        _sound = !_sound;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setSound", _sound);
            if (_sound)
            {
                await _module.InvokeVoidAsync("beep");
            }
        }
    }

    private void Report(DeskResult result, string success)
    {
        _message = result.Succeeded ? success : T["Error_" + result.Error];
        _messageSeverity = result.Succeeded ? Severity.Success : Severity.Warning;
    }

    private RowState StateOf(CaseRow row)
    {
        if (row.Answered || row.Status == ComplaintStatus.Closed)
        {
            return RowState.Normal;
        }

        var now = Now;
        if (row.OverdueLevel > 0 || now >= row.ResponseDueAt)
        {
            return RowState.Overdue;
        }

        return _calendars.TryGetValue(row.DeskId, out var calendar) && calendar.IsAtRisk(row.ResponseDueAt, now, AtRiskWindow)
            ? RowState.AtRisk
            : RowState.Normal;
    }

    private string RowClass(CaseRow row) =>
        (StateOf(row) switch { RowState.Overdue => "row-overdue", RowState.AtRisk => "row-risk", _ => "" })
        + (_fresh.Contains(row.Id) ? " row-new" : "");

    private Duration Waited(CaseRow row) =>
        _calendars.TryGetValue(row.DeskId, out var calendar) ? calendar.BusinessTimeBetween(row.ReceivedAt, Now) : Now - row.ReceivedAt;

    private DateTimeZone ZoneOf(CaseRow row) => _calendars.TryGetValue(row.DeskId, out var c) ? c.Zone : _desk?.Zone ?? DateTimeZone.Utc;

    private string AgencyName(int agencyId) => _agencies.GetValueOrDefault(agencyId)?.NameFa ?? "";

    private static string CaseUrl(CaseRow row) => "/cases/" + Uri.EscapeDataString(row.TrackingCode);

    private static string ChannelIcon(Channel channel) => channel switch
    {
        Channel.Phone => Icons.Material.Filled.Phone,
        Channel.Api => Icons.Material.Filled.Hub,
        _ => Icons.Material.Filled.Language,
    };

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_ticker is not null)
        {
            await _ticker.DisposeAsync();
        }

        try
        {
            if (_shortcuts is not null)
            {
                await _shortcuts.InvokeVoidAsync("dispose");
                await _shortcuts.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; nothing to detach.
        }

        _self?.Dispose();
    }
}
