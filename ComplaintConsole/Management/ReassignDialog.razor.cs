using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintConsole.Management;

public sealed partial class ReassignDialog
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 1000;

    // MudSelect cannot show a null choice; this stands for "the desk's queue, no operator".
    private const string NoOperator = "";

    private MudForm? _form;
    private int? _deskId;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    [Parameter, EditorRequired]
    public ManageLookups Lookups { get; set; } = new([], [], []);

    [Parameter]
    public int Count { get; set; } = 1;

    [Inject]
    public required IStringLocalizer<ManageText> T { get; init; }

    public int? DeskId
    {
        get => _deskId;
        set
        {
            if (_deskId != value)
            {
                _deskId = value;
                OperatorId = NoOperator;
            }
        }
    }

    public string? OperatorId { get; set; } = NoOperator;

    public string? Reason { get; set; }

    private IEnumerable<OperatorOption> OperatorsOfDesk =>
        DeskId is { } desk ? Lookups.Operators.Where(o => o.DeskIds.Contains(desk)) : [];

    private string? CheckReason(string? reason)
    {
        var length = reason?.Trim().Length ?? 0;
        return length switch
        {
            0 => T["ReasonRequired"].Value,
            < MinReasonLength => T["ReasonTooShort"].Value,
            > MaxReasonLength => T["ReasonTooLong"].Value,
            _ => null,
        };
    }

    private void Cancel() => Dialog.Cancel();

    private async Task ConfirmAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid || DeskId is null)
        {
            return;
        }

        Dialog.Close(DialogResult.Ok(new ReassignRequest(
            DeskId.Value, string.IsNullOrEmpty(OperatorId) ? null : OperatorId, Reason!.Trim())));
    }
}
