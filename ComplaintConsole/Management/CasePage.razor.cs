using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ComplaintConsole.Management;

public sealed partial class CasePage
{
    private CaseDetail? _case;
    private PersonalData? _personal;
    private bool _loaded;

    [Parameter]
    public string Code { get; set; } = "";

    [Inject]
    public required ManagementService Service { get; init; }

    [Inject]
    public required AuthenticationStateProvider Auth { get; init; }

    [Inject]
    public required IStringLocalizer<ManageText> T { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _case = await Service.GetCaseAsync(Code);
        _personal = null;
        _loaded = true;
    }

    private async Task RevealAsync()
    {
        var state = await Auth.GetAuthenticationStateAsync();
        var actor = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user has no id.");
        _personal = await Service.RevealPersonalDataAsync(actor, Code);

        // The reveal is now in the timeline: show it.
        _case = await Service.GetCaseAsync(Code);
    }
}
