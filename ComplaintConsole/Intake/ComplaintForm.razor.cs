using System.Globalization;
using System.Net;
using ComplaintConsole.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ComplaintConsole.Intake;

/// <summary>
/// The intake form. On the public page: <c>&lt;ComplaintForm Channel="Channel.Web" ClientId="@ip" /&gt;</c>. On a desk
/// for a caller: <c>&lt;ComplaintForm Channel="Channel.Phone" OperatorId="@userId" OnFiled="..." /&gt;</c>; the receipt
/// then shows the code spelled out to read back. <see cref="OnFiled"/> is raised after the complaint committed.
/// </summary>
public partial class ComplaintForm
{
    private readonly FormModel _model = new();
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private IntakeCatalog.Snapshot? _catalog;
    private DeadlinePreview? _preview;
    private IntakeCatalog.AgencyEntry[] _lastResults = [];
    private bool _submitted;
    private bool _submitting;
    private string? _formError;
    private string? _copied;

    [Inject]
    public required IIntakeService Intake { get; init; }

    [Inject]
    public required IStringLocalizer<IntakeText> T { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    /// <summary>Web for the citizen's page, Phone for an operator filing for a caller.</summary>
    [Parameter]
    public Channel Channel { get; set; } = Channel.Web;

    /// <summary>The signed-in operator (required for Phone): recorded as the complaint's channel source and actor.</summary>
    [Parameter]
    public string? OperatorId { get; set; }

    /// <summary>The client that public rate limits apply to (its IP address) on the Web channel.</summary>
    [Parameter]
    public string ClientId { get; set; } = "unknown";

    /// <summary>Show the receipt (tracking code, deadline, secret) in place of the form after filing.</summary>
    [Parameter]
    public bool ShowReceipt { get; set; } = true;

    [Parameter]
    public EventCallback<IntakeReceipt> OnFiled { get; set; }

    /// <summary>Distinguishes several forms on one page.</summary>
    [Parameter]
    public string FormName { get; set; } = "complaint";

    /// <summary>The last complaint filed with this form, until <see cref="Reset"/>.</summary>
    public IntakeReceipt? Receipt { get; private set; }

    private bool IsAnonymous => _model.Kind == ComplaintKind.Report && _model.Anonymous;

    public void Reset()
    {
        Receipt = null;
        _model.Clear();
        _errors = new Dictionary<string, string[]>();
        _submitted = false;
        _formError = null;
        _preview = null;
    }

    protected override void OnParametersSet()
    {
        if (Channel == Channel.Phone && string.IsNullOrWhiteSpace(OperatorId))
        {
            throw new InvalidOperationException("ComplaintForm with Channel.Phone needs the OperatorId of the signed-in operator.");
        }

        if (Channel == Channel.Api)
        {
            throw new InvalidOperationException("The API channel has no form.");
        }
    }

    protected override async Task OnInitializedAsync() => _catalog = await Intake.GetCatalogAsync();

    private IntakeSource Source => Channel == Channel.Phone ? IntakeSource.Phone(OperatorId!) : IntakeSource.Web(ClientId);

    private async Task SubmitAsync()
    {
        if (_submitting)
        {
            return;
        }

        _submitted = true;
        _formError = null;
        if (Channel == Channel.Web && !string.IsNullOrEmpty(_model.Website))
        {
            _formError = T["Error.Rejected"];
            return;
        }

        _catalog ??= await Intake.GetCatalogAsync();
        var request = _model.ToRequest();
        _errors = IntakeValidator.Validate(request, _catalog);
        if (_errors.Count > 0)
        {
            _formError = T["Error.Fix"];
            return;
        }

        _submitting = true;
        try
        {
            switch (await Intake.SubmitAsync(request, Source))
            {
                case IntakeResult.Filed filed:
                    Receipt = filed.Receipt;
                    _model.Clear();
                    _submitted = false;
                    await OnFiled.InvokeAsync(filed.Receipt);
                    break;
                case IntakeResult.Invalid invalid:
                    _errors = invalid.Errors;
                    _formError = T["Error.Fix"];
                    break;
                case IntakeResult.RateLimited:
                    _formError = T["Error.RateLimited"];
                    break;
                default:
                    _formError = T["Error.Rejected"];
                    break;
            }
        }
        finally
        {
            _submitting = false;
        }
    }

    private async Task KindChangedAsync(ComplaintKind kind)
    {
        _model.Kind = kind;
        if (kind == ComplaintKind.Complaint)
        {
            _model.Anonymous = false;
        }

        await RevalidateAsync();
    }

    private async Task AnonymousChangedAsync(bool anonymous)
    {
        _model.Anonymous = anonymous;
        if (anonymous)
        {
            // What is hidden is not sent: an anonymous report carries no identity at all.
            _model.Name = _model.NationalCode = _model.Mobile = null;
        }

        await RevalidateAsync();
    }

    private async Task AgencyChangedAsync(IntakeCatalog.AgencyEntry? agency)
    {
        _model.Agency = agency;
        _preview = agency is null ? null : await Intake.PreviewDeadlineAsync(agency.Code);
        await RevalidateAsync();
    }

    private Task<IEnumerable<IntakeCatalog.AgencyEntry>> SearchAgenciesAsync(string? text, CancellationToken cancellationToken)
    {
        _lastResults = _catalog?.SearchAgencies(text).ToArray() ?? [];
        return Task.FromResult<IEnumerable<IntakeCatalog.AgencyEntry>>(_lastResults);
    }

    private bool IsFirstOfLayer(IntakeCatalog.AgencyEntry agency)
    {
        for (var i = 0; i < _lastResults.Length; i++)
        {
            if (_lastResults[i] == agency)
            {
                return i == 0 || _lastResults[i - 1].Layer != agency.Layer;
            }
        }

        return false;
    }

    private void Revalidate()
    {
        // Messages appear after the first submit, then follow each correction as it is typed.
        if (_submitted && _catalog is not null)
        {
            _errors = IntakeValidator.Validate(_model.ToRequest(), _catalog);
            if (_errors.Count == 0)
            {
                _formError = null;
            }
        }
    }

    private Task RevalidateAsync()
    {
        Revalidate();
        return Task.CompletedTask;
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorText(string field) => _errors.TryGetValue(field, out var keys) ? T[keys[0]].Value : null;

    private static string Name(string fa, string en) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fa;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private async Task CopyAsync(string text)
    {
        await JS.InvokeVoidAsync("complaintConsole.copy", text);
        _copied = text;
    }

    private sealed class FormModel
    {
        public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;

        public bool Anonymous { get; set; }

        public IntakeCatalog.AgencyEntry? Agency { get; set; }

        public string? CategoryCode { get; set; }

        public string? Subject { get; set; }

        public string? Description { get; set; }

        public string? Name { get; set; }

        public string? NationalCode { get; set; }

        public string? Mobile { get; set; }

        public string? Website { get; set; }

        public IntakeRequest ToRequest() => new()
        {
            Kind = Kind,
            AgencyCode = Agency?.Code,
            CategoryCode = CategoryCode,
            Subject = Subject,
            Description = Description,
            Name = Kind == ComplaintKind.Report && Anonymous ? null : Name,
            NationalCode = Kind == ComplaintKind.Report && Anonymous ? null : NationalCode,
            Mobile = Kind == ComplaintKind.Report && Anonymous ? null : Mobile,
        };

        public void Clear()
        {
            Kind = ComplaintKind.Complaint;
            Anonymous = false;
            Agency = null;
            CategoryCode = Subject = Description = Name = NationalCode = Mobile = Website = null;
        }
    }
}
