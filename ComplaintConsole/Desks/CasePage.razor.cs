using ComplaintConsole.Calendar;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;
using NodaTime.Text;

namespace ComplaintConsole.Desks;

public sealed partial class CasePage : IDisposable
{
    private CaseAccess _access = CaseAccess.Nobody;
    private CaseView? _case;
    private PersonalDataView? _revealed;
    private bool _loading = true;
    private string? _message;
    private Severity _messageSeverity;
    private IDisposable? _subscription;
    private long _complaintId = -1;

    [Parameter]
    public string TrackingCode { get; set; } = "";

    [Inject]
    public required DeskService Desks { get; init; }

    [Inject]
    public required CaseAccessResolver Resolver { get; init; }

    [Inject]
    public required LiveFeed Feed { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required IStringLocalizer<DeskText> T { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override void OnInitialized() =>
        _subscription = Feed.Subscribe(e => InvokeAsync(ReloadAsync), e => e.ComplaintId == Volatile.Read(ref _complaintId));

    protected override async Task OnParametersSetAsync()
    {
        var state = await AuthenticationState;
        _access = await Resolver.ForAsync(state.User);
        _revealed = null;
        await ReloadAsync();
        _loading = false;
    }

    private async Task ReloadAsync()
    {
        _case = await Desks.GetCaseAsync(_access, TrackingCode);
        Volatile.Write(ref _complaintId, _case?.Row.Id ?? -1);
        StateHasChanged();
    }

    private async Task ClaimAsync() => Report(await Desks.ClaimAsync(_access, TrackingCode));

    private async Task RespondAsync() => await AskAndRunAsync(
        "respond", T["RespondTitle"], T["RespondSummary"], T["RespondMethod"], ["phone-call", "sms", "letter", "email", "in-person"], "Method_",
        i => Desks.RespondAsync(_access, TrackingCode, i.Option!, i.Text));

    private async Task NoteAsync() => await AskAndRunAsync(
        "note", T["NoteTitle"], T["NoteText"], null, null, null, i => Desks.AddNoteAsync(_access, TrackingCode, i.Text));

    private async Task ReferAsync() => await AskAndRunAsync(
        "refer", T["ReferTitle"], T["ReferReason"], null, null, null, i => Desks.ReferAsync(_access, TrackingCode, i.Text));

    private async Task CloseAsync() => await AskAndRunAsync(
        "close", T["CloseTitle"], T["CloseText"], T["CloseOutcome"], ["resolved", "unfounded", "outside", "withdrawn"], "Outcome_",
        i => Desks.CloseAsync(_access, TrackingCode, $"{T["Outcome_" + i.Option!]}: {i.Text}"));

    private async Task AskAndRunAsync(
        string name, string title, string label, string? optionLabel, string[]? options, string? prefix, Func<ActionDialog.ActionInput, Task<DeskResult>> action)
    {
        var input = await CaseActions.AskAsync(Dialogs, T, name, title, TrackingCode, label, optionLabel, options, prefix);
        if (input is not null)
        {
            Report(await action(input));
        }
    }

    private async Task RevealAsync()
    {
        _revealed = await Desks.RevealPersonalDataAsync(_access, TrackingCode);
        if (_revealed is null)
        {
            Report(DeskResult.Forbidden);
        }
    }

    private void Report(DeskResult result)
    {
        _message = result.Succeeded ? T["Saved"] : T["Error_" + result.Error];
        _messageSeverity = result.Succeeded ? Severity.Success : Severity.Warning;
    }

    private string DetailText(string key, string value, DateTimeZone zone)
    {
        if (key == "method")
        {
            var label = T["Method_" + value];
            return label.ResourceNotFound ? value : label.Value;
        }

        if (key is "from" or "to" && InstantPattern.ExtendedIso.Parse(value) is { Success: true } parsed)
        {
            return Jalali.FormatLongDateTime(parsed.Value, zone);
        }

        return key == "level" ? Jalali.ToPersianDigits(value) : value;
    }

    /// <summary>Back to where this person works: the desk, the management list or the board.</summary>
    private string BackHref => _access.IsOperator ? "/desk" : _access.IsManager ? "/manage" : "/board";

    private string BackText => _access.IsOperator ? "BackToDesk" : _access.IsManager ? "BackToManage" : "BackToBoard";

    private string Side(string? desk, string? person) => person is null ? $"{desk} ({T["Unassigned"]})" : $"{desk} / {person}";

    public void Dispose() => _subscription?.Dispose();
}
