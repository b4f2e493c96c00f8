using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintConsole.Api;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ComplaintConsole.Intake;

/// <summary>
/// /api/v1 intake: POST complaints (scope submit, Idempotency-Key required), GET complaints/{code} (scope read),
/// GET agencies and categories (public). Idempotency follows the IETF httpapi idempotency-key draft: a missing key is
/// 400; the same key with the same body replays the first status and body; with another body 422; while the first is
/// still being processed 409. Keys are scoped to the API key and kept for IntakeOptions.IdempotencyRetentionHours.
/// </summary>
public static class IntakeEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 255;

    private static readonly ResourceManager Text = new("ComplaintConsole.Intake.IntakeText", typeof(IntakeEndpoints).Assembly);
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Offsets read "+03:30", not "\u002B03:30"; the body is served as application/json, never inside HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record ComplainantBody(string? Name, string? NationalCode, string? Mobile);

    public sealed record ComplaintBody(
        string? Kind, string? AgencyCode, string? Category, string? Subject, string? Description, ComplainantBody? Complainant);

    public sealed record ComplaintCreated(
        string TrackingCode, string ReceivedAt, string BusinessDayOfReceipt, string ResponseDueAt, string Status, string? TrackingSecret);

    public sealed record TimelineEntry(long Sequence, string Kind, string At, bool Public, string? Reason);

    public sealed record DeskRef(string Code, string NameFa, string NameEn);

    public sealed record ComplaintStatusView(
        string TrackingCode,
        string Kind,
        string Channel,
        string Status,
        string AgencyCode,
        string Category,
        DeskRef Desk,
        string ReceivedAt,
        string BusinessDayOfReceipt,
        string ResponseDueAt,
        int OverdueLevel,
        string? FirstResponseAt,
        IReadOnlyList<TimelineEntry> Timeline);

    public sealed record AgencyView(string Code, string NameFa, string NameEn, string Layer);

    public sealed record CategoryView(string Code, string NameFa, string NameEn);

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/complaints", PostComplaintAsync)
            .WithName("FileComplaint").WithTags("Complaints")
            .WithSummary("File a complaint or report. Needs X-Api-Key with scope 'submit' and an Idempotency-Key header.")
            .Accepts<ComplaintBody>("application/json")
            .Produces<ComplaintCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(ApiServiceCollectionExtensions.SubmitPolicy)
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy)
            .DisableAntiforgery();

        api.MapGet("/complaints/{trackingCode}", GetComplaintAsync)
            .WithName("GetComplaint").WithTags("Complaints")
            .WithSummary("Status, desk, deadline, overdue level and timeline of a complaint. Needs scope 'read'.")
            .Produces<ComplaintStatusView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiServiceCollectionExtensions.ReadPolicy)
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);

        api.MapGet("/agencies", async (IntakeCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok((await catalog.GetAsync(ct)).Agencies.Select(a => new AgencyView(a.Code, a.NameFa, a.NameEn, a.Layer.ToString()))))
            .WithName("ListAgencies").WithTags("Reference data")
            .WithSummary("Every active agency: stable code, Persian and English names, layer.")
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);

        api.MapGet("/categories", async (IntakeCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok((await catalog.GetAsync(ct)).Categories.Select(c => new CategoryView(c.Code, c.NameFa, c.NameEn))))
            .WithName("ListCategories").WithTags("Reference data")
            .WithSummary("The complaint categories: code, Persian and English names.")
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);

        return api;
    }

    private static async Task<IResult> PostComplaintAsync(
        HttpContext http,
        IntakeService intake,
        IdempotencyGuard guard,
        IDbContextFactory<ComplaintsDbContext> dbFactory,
        IOptions<IntakeOptions> options,
        CancellationToken cancellationToken)
    {
        var keyName = http.User.Identity!.Name!;
        var idempotencyKey = ParseIdempotencyKey(http.Request.Headers[IdempotencyHeader].ToString());
        if (!http.Request.Headers.ContainsKey(IdempotencyHeader))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "idempotency-key-missing");
        }

        if (idempotencyKey is null)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "idempotency-key-invalid", MaxIdempotencyKeyLength);
        }

        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "body-too-large", options.Value.MaxRequestBodyBytes);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (!guard.TryEnter(keyName, idempotencyKey))
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, "idempotency-key-in-flight");
        }

        try
        {
            IntakeRequest request;
            try
            {
                request = ToRequest(JsonSerializer.Deserialize<ComplaintBody>(body, Json));
            }
            catch (JsonException)
            {
                return await RefuseAsync(dbFactory, keyName, idempotencyKey, hash, ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-json"), cancellationToken);
            }

            var idempotent = new IdempotentRequest(keyName, idempotencyKey, hash, Created);
            var result = await intake.SubmitAsync(request, IntakeSource.Api(keyName), idempotent, cancellationToken);
            switch (result)
            {
                case IntakeResult.Filed { Record: { } record }:
                    return Stored(http, record, replayed: false);
                case IntakeResult.Replayed replayed:
                    return Stored(http, replayed.Record, replayed: true);
                case IntakeResult.KeyReused:
                    return ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused");
                case IntakeResult.Invalid invalid:
                    return await RefuseAsync(dbFactory, keyName, idempotencyKey, hash, ValidationProblem(invalid.Errors), cancellationToken);
                default:
                    throw new InvalidOperationException($"Unexpected intake result {result.GetType().Name}.");
            }
        }
        finally
        {
            guard.Exit(keyName, idempotencyKey);
        }
    }

    private static async Task<IResult> GetComplaintAsync(
        string trackingCode, IDbContextFactory<ComplaintsDbContext> dbFactory, CalendarStore calendars, CancellationToken cancellationToken)
    {
        var code = TrackingCodes.Normalize(trackingCode);
        if (code is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "complaint-not-found");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().AsSplitQuery()
            .Include(c => c.Desk).Include(c => c.Agency).Include(c => c.Events)
            .FirstOrDefaultAsync(c => c.TrackingCode == code, cancellationToken);
        if (complaint is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "complaint-not-found");
        }

        var zone = (await calendars.ForDeskAsync(complaint.DeskId, cancellationToken)).Zone;
        return TypedResults.Ok(new ComplaintStatusView(
            complaint.TrackingCode,
            complaint.Kind.ToString(),
            complaint.Channel.ToString(),
            complaint.Status.ToString(),
            complaint.Agency!.Code,
            complaint.CategoryCode,
            new DeskRef(complaint.Desk!.Code, complaint.Desk.NameFa, complaint.Desk.NameEn),
            Format(complaint.ReceivedAt, zone),
            LocalDatePattern.Iso.Format(complaint.BusinessDayOfReceipt),
            Format(complaint.ResponseDueAt, zone),
            complaint.OverdueLevel,
            complaint.FirstResponseAt is { } first ? Format(first, zone) : null,
            complaint.Events.OrderBy(e => e.Id)
                .Select(e => new TimelineEntry(e.Id, e.Kind.ToString(), Format(e.At, zone), e.Public, e.Reason))
                .ToArray()));
    }

    // Kept with the idempotency record: an anonymous report's secret is replayable for the retention period only.
    private static (int Status, string Body, string? Location) Created(IntakeReceipt receipt)
    {
        var body = JsonSerializer.Serialize(
            new ComplaintCreated(
                receipt.TrackingCode,
                Format(receipt.ReceivedAt, receipt.Zone),
                LocalDatePattern.Iso.Format(receipt.BusinessDayOfReceipt),
                Format(receipt.ResponseDue, receipt.Zone),
                receipt.Status.ToString(),
                receipt.Secret),
            Json);
        return (StatusCodes.Status201Created, body, $"/api/v1/complaints/{receipt.TrackingCode}");
    }

    private static IResult Stored(HttpContext http, IdempotencyRecord record, bool replayed)
    {
        if (record.ResponseLocation is not null)
        {
            http.Response.Headers.Location = record.ResponseLocation;
        }

        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Text(record.ResponseBody, "application/json; charset=utf-8", Encoding.UTF8, record.ResponseStatus);
    }

    /// <summary>A refused body: 422 when its key already served another body, else the refusal itself.</summary>
    private static async Task<IResult> RefuseAsync(
        IDbContextFactory<ComplaintsDbContext> dbFactory, string keyName, string key, string hash, IResult refusal, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var storedHash = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.ApiKeyName == keyName && r.Key == key)
            .Select(r => r.RequestHash)
            .FirstOrDefaultAsync(cancellationToken);
        return storedHash is not null && storedHash != hash
            ? ApiProblems.Result(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused")
            : refusal;
    }

    private static ProblemHttpResult ValidationProblem(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.Select(k => Message(k, Persian)).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ApiProblems.Details(400, "validation-failed").Title,
            Type = "https://complaintconsole.local/problems/validation-failed",
        };
        problem.Extensions["code"] = "validation-failed";
        problem.Extensions["title_en"] = ApiProblems.Details(400, "validation-failed").Extensions["title_en"];
        problem.Extensions["errors_en"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(k => Message(k, English)).ToArray());
        problem.Extensions["error_codes"] = errors;
        return TypedResults.Problem(problem);
    }

    private static string Message(string key, CultureInfo culture) => Text.GetString(key, culture) ?? key;

    private static IntakeRequest ToRequest(ComplaintBody? body) => new()
    {
        Kind = body?.Kind?.Trim().ToLowerInvariant() switch
        {
            "complaint" => ComplaintKind.Complaint,
            "report" => ComplaintKind.Report,
            _ => null,
        },
        AgencyCode = body?.AgencyCode,
        CategoryCode = body?.Category,
        Subject = body?.Subject,
        Description = body?.Description,
        Name = body?.Complainant?.Name,
        NationalCode = body?.Complainant?.NationalCode,
        Mobile = body?.Complainant?.Mobile,
    };

    /// <summary>The draft makes the key a structured-field string ("..."); a bare token is accepted too.</summary>
    private static string? ParseIdempotencyKey(string header)
    {
        var key = header.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"')
        {
            key = key[1..^1];
        }

        return key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is < ' ' or > '~') ? null : key;
    }

    /// <summary>The body, or null when it is larger than the limit (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 1024);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Format(Instant instant, DateTimeZone zone) =>
        OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(zone).ToOffsetDateTime());
}

/// <summary>
/// Idempotency keys being processed on this node: a second request with the same key meanwhile gets 409. Across nodes
/// the unique index on (API key, key) makes the later insert fail and the writer answer it as a retry.
/// </summary>
public sealed class IdempotencyGuard
{
    private readonly ConcurrentDictionary<(string, string), byte> _inFlight = new();

    public bool TryEnter(string apiKeyName, string key) => _inFlight.TryAdd((apiKeyName, key), 0);

    public void Exit(string apiKeyName, string key) => _inFlight.TryRemove((apiKeyName, key), out _);
}
