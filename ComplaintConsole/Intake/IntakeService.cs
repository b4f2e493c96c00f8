using ComplaintConsole.Api;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Intake;

/// <summary>
/// The one way a complaint enters the system, whatever the channel: validate, normalise, route to the agency's desk,
/// compute the deadline from that desk's calendar, give a tracking code, write the complaint with its Received event
/// in one transaction (<see cref="IntakeWriter"/>), publish it live after commit. Also answers tracking lookups.
/// </summary>
public sealed class IntakeService(
    IntakeCatalog catalog,
    CalendarStore calendars,
    IntakeWriter writer,
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    PublicRateLimiter limiter,
    TimeProvider clock) : IIntakeService
{
    public Task<IntakeCatalog.Snapshot> GetCatalogAsync(CancellationToken cancellationToken = default) => catalog.GetAsync(cancellationToken);

    public async Task<DeadlinePreview?> PreviewDeadlineAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(agencyCode) || snapshot.Agency(agencyCode) is not { Active: true } agency)
        {
            return null;
        }

        var calendar = await calendars.ForDeskAsync(agency.DeskId, cancellationToken);
        var now = Now();
        var deadline = calendar.Compute(now);
        return new DeadlinePreview(snapshot.Desk(agency.DeskId), now, deadline.BusinessDayOfReceipt, deadline.ResponseDue, calendar.Zone);
    }

    public Task<IntakeResult> SubmitAsync(IntakeRequest request, IntakeSource source, CancellationToken cancellationToken = default) =>
        SubmitAsync(request, source, null, cancellationToken);

    /// <summary>The API's entry: with an idempotency claim the writer decides between storing, replaying and refusing.</summary>
    public async Task<IntakeResult> SubmitAsync(
        IntakeRequest request, IntakeSource source, IdempotentRequest? idempotent, CancellationToken cancellationToken)
    {
        // Citizens on the public page are limited per client; operators and API keys are limited elsewhere.
        if (source.Channel == Channel.Web && !limiter.TryAcquireSubmission(source.ClientId, out var retryAfter))
        {
            return new IntakeResult.RateLimited(retryAfter);
        }

        var snapshot = await catalog.GetAsync(cancellationToken);
        var errors = IntakeValidator.Validate(request, snapshot);
        if (errors.Count > 0)
        {
            return new IntakeResult.Invalid(errors);
        }

        var values = IntakeValidator.Normalize(request);
        var agency = snapshot.Agency(values.AgencyCode)!;
        var category = snapshot.Category(values.CategoryCode)!;
        var calendar = await calendars.ForDeskAsync(agency.DeskId, cancellationToken);
        var now = Now();
        var deadline = calendar.Compute(now);
        var secret = values.Anonymous ? TrackingSecrets.NewSecret() : null;

        var complaint = new Complaint
        {
            TrackingCode = TrackingCodes.NewCode(),
            Kind = values.Kind,
            Channel = source.Channel,
            ChannelSource = source.Source,
            ComplainantName = values.Name,
            NationalCode = values.NationalCode,
            Mobile = values.Mobile,
            TrackingSecretHash = secret is null ? null : TrackingSecrets.Hash(secret),
            AgencyId = agency.Id,
            CategoryCode = category.Code,
            Subject = values.Subject,
            Description = values.Description,
            SearchKey = PersianText.SearchKey(values.Subject, values.Description, values.Name),
            ReceivedAt = now,
            DeskId = agency.DeskId,
            Status = ComplaintStatus.New,
        };
        complaint.ApplyDeadline(deadline);
        complaint.Append(
            ComplaintEventKind.Received,
            source.Actor,
            now,
            data: new { channel = source.Channel.ToString(), source = source.Source, deskId = agency.DeskId, agency = agency.Code },
            isPublic: true);

        var desk = snapshot.Desk(agency.DeskId);
        IntakeReceipt Receipt(Complaint c) => new(
            c.TrackingCode, c.Kind, c.ReceivedAt, c.BusinessDayOfReceipt, c.ResponseDueAt, calendar.Zone, desk, c.Status, secret);

        var claim = idempotent is null
            ? null
            : new IntakeWriter.IdempotencyClaim(idempotent.ApiKeyName, idempotent.Key, idempotent.RequestHash, c => idempotent.Response(Receipt(c)));
        var outcome = await writer.WriteAsync(complaint, claim, cancellationToken);
        return outcome switch
        {
            IntakeWriter.Outcome.Created created => new IntakeResult.Filed(Receipt(created.Complaint), created.Record),
            IntakeWriter.Outcome.Replayed replayed => new IntakeResult.Replayed(replayed.Record),
            IntakeWriter.Outcome.KeyReused => new IntakeResult.KeyReused(),
            _ => throw new InvalidOperationException("Unknown intake outcome."),
        };
    }

    /// <summary>
    /// A citizen's lookup: the code with the complainant's mobile, or with the secret of an anonymous report. Any wrong
    /// part gives null, the same for every failure, so the page cannot be used to probe codes or numbers.
    /// </summary>
    public async Task<TrackResult> TrackAsync(string? trackingCode, string? mobileOrSecret, string clientId, CancellationToken cancellationToken = default)
    {
        // Limited before anything is checked, so guessing codes or numbers is slow whatever the answers are.
        if (!limiter.TryAcquireLookup(clientId, out var retryAfter))
        {
            return new TrackResult.RateLimited(retryAfter);
        }

        var view = await FindAsync(trackingCode, mobileOrSecret, cancellationToken);
        return view is null ? new TrackResult.NotFound() : new TrackResult.Found(view);
    }

    private async Task<TrackingView?> FindAsync(string? trackingCode, string? mobileOrSecret, CancellationToken cancellationToken)
    {
        var code = TrackingCodes.Normalize(trackingCode);
        if (code is null || string.IsNullOrWhiteSpace(mobileOrSecret))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.AsNoTracking()
            .Where(c => c.TrackingCode == code)
            .Select(c => new { c.Id, c.Kind, c.Mobile, c.TrackingSecretHash, c.Status, c.ReceivedAt, c.ResponseDueAt, c.OverdueLevel, c.DeskId, c.AgencyId, c.CategoryCode, c.Subject })
            .FirstOrDefaultAsync(cancellationToken);
        if (complaint is null)
        {
            return null;
        }

        var mobile = PersianText.NormalizeMobile(mobileOrSecret);
        var matches = (complaint.Mobile is not null && mobile == complaint.Mobile)
            || TrackingSecrets.Matches(complaint.TrackingSecretHash, mobileOrSecret);
        if (!matches)
        {
            return null;
        }

        var events = await db.ComplaintEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id && e.Public)
            .OrderBy(e => e.Id)
            .Select(e => new TrackingView.Entry(e.Kind, e.At))
            .ToListAsync(cancellationToken);
        var snapshot = await catalog.GetAsync(cancellationToken);
        var calendar = await calendars.ForDeskAsync(complaint.DeskId, cancellationToken);
        var agency = snapshot.AgencyById(complaint.AgencyId);
        return new TrackingView(
            code,
            complaint.Kind,
            complaint.Status,
            complaint.Subject,
            agency,
            snapshot.Category(complaint.CategoryCode),
            complaint.ReceivedAt,
            complaint.ResponseDueAt,
            complaint.OverdueLevel,
            calendar.Zone,
            events);
    }

    // Instants are stored in milliseconds: answer with exactly what is stored.
    private Instant Now() => Instant.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}

/// <summary>What the form needs from intake; a fake stands in for it in component tests.</summary>
public interface IIntakeService
{
    Task<IntakeCatalog.Snapshot> GetCatalogAsync(CancellationToken cancellationToken = default);

    Task<DeadlinePreview?> PreviewDeadlineAsync(string? agencyCode, CancellationToken cancellationToken = default);

    Task<IntakeResult> SubmitAsync(IntakeRequest request, IntakeSource source, CancellationToken cancellationToken = default);

    /// <summary><paramref name="clientId"/> identifies the asking client for rate limiting (its IP address).</summary>
    Task<TrackResult> TrackAsync(string? trackingCode, string? mobileOrSecret, string clientId, CancellationToken cancellationToken = default);
}

/// <summary>An API request's Idempotency-Key; <see cref="Response"/> renders the first response to be kept.</summary>
public sealed record IdempotentRequest(string ApiKeyName, string Key, string RequestHash, Func<IntakeReceipt, (int Status, string Body, string? Location)> Response);

public sealed record DeadlinePreview(IntakeCatalog.DeskEntry Desk, Instant Now, LocalDate BusinessDayOfReceipt, Instant ResponseDue, DateTimeZone Zone);

/// <summary>What the citizen or caller is told after filing. <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record IntakeReceipt(
    string TrackingCode,
    ComplaintKind Kind,
    Instant ReceivedAt,
    LocalDate BusinessDayOfReceipt,
    Instant ResponseDue,
    DateTimeZone Zone,
    IntakeCatalog.DeskEntry Desk,
    ComplaintStatus Status,
    string? Secret)
{
    public string FormattedCode => TrackingCodes.Format(TrackingCode);

    public string? FormattedSecret => Secret is null ? null : TrackingSecrets.Format(Secret);
}

public abstract record IntakeResult
{
    public sealed record Filed(IntakeReceipt Receipt, IdempotencyRecord? Record) : IntakeResult;

    /// <summary>Field → message keys of <see cref="IntakeText"/>. Nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeResult;

    public sealed record Replayed(IdempotencyRecord Record) : IntakeResult;

    public sealed record KeyReused : IntakeResult;

    /// <summary>Too many submissions from this client; nothing was stored.</summary>
    public sealed record RateLimited(TimeSpan? RetryAfter) : IntakeResult;
}

public abstract record TrackResult
{
    public sealed record Found(TrackingView View) : TrackResult;

    /// <summary>No such code, or the mobile number or secret does not belong to it: deliberately the same answer.</summary>
    public sealed record NotFound : TrackResult;

    public sealed record RateLimited(TimeSpan? RetryAfter) : TrackResult;
}

public sealed record TrackingView(
    string TrackingCode,
    ComplaintKind Kind,
    ComplaintStatus Status,
    string Subject,
    IntakeCatalog.AgencyEntry? Agency,
    IntakeCatalog.CategoryEntry? Category,
    Instant ReceivedAt,
    Instant ResponseDue,
    int OverdueLevel,
    DateTimeZone Zone,
    IReadOnlyList<TrackingView.Entry> Timeline)
{
    public sealed record Entry(ComplaintEventKind Kind, Instant At);

    public string FormattedCode => TrackingCodes.Format(TrackingCode);
}
