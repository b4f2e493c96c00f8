using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintConsole.Api;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace ComplaintConsole.Sla;

/// <summary>
/// /api/v1/calendars/{code}/closures: governorate systems declare, list and lift closures (scope calendar-admin;
/// listing also with scope read). Every change goes through <see cref="CalendarChangeService"/>, which retimes the open
/// cases and publishes their events.
/// </summary>
public static class ClosureEndpoints
{
    /// <summary>A closure body is a date, two times and a reason; anything much larger is not one.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public const int DefaultDaysBack = 30;
    public const int DefaultDaysAhead = 60;

    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    // Strict: a field the API does not know (a typo of "from", a "calendars" list) is refused, not silently dropped.
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public sealed record ClosureBody(string? Date, string? From, string? To, string? Reason);

    public sealed record ClosureView(
        int Id, string Date, string? From, string? To, string Reason, IReadOnlyList<string> Calendars, string DeclaredAt, string DeclaredBy);

    public sealed record ClosureDeclared(
        int Id, string Date, string? From, string? To, string Reason, IReadOnlyList<string> Calendars, string DeclaredAt, string DeclaredBy,
        int CasesRetimed);

    public sealed record ClosureDetached(int Id, string Calendar, IReadOnlyList<string> RemainingCalendars, bool Deleted, int CasesRetimed);

    public static RouteGroupBuilder MapClosureEndpoints(this RouteGroupBuilder api)
    {
        var closures = api.MapGroup("/calendars/{code}/closures")
            .WithTags("Closures")
            .RequireRateLimiting(RateLimitingSetup.ApiPolicy);

        closures.MapPost("", DeclareAsync)
            .WithName("DeclareClosure")
            .WithSummary("Declare a whole- or part-day closure of a calendar; open cases are retimed. Needs scope 'calendar-admin'.")
            .WithDescription("Body {\"date\":\"yyyy-MM-dd\",\"from\":\"HH:mm\"|null,\"to\":\"HH:mm\"|null,\"reason\":\"...\"}: from null = from "
                + "opening, to null = to closing, both null = the whole day. Unknown fields are refused. 409 when the same closure exists.")
            .Accepts<ClosureBody>("application/json")
            .Produces<ClosureDeclared>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(ApiServiceCollectionExtensions.CalendarAdminPolicy)
            .DisableAntiforgery();

        closures.MapGet("", ListAsync)
            .WithName("ListClosures")
            .WithSummary("Closures of a calendar between two dates (inclusive; default today-30 to today+60 in the calendar's zone). "
                + "Needs scope 'calendar-admin' or 'read'.")
            .Produces<IReadOnlyList<ClosureView>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiServiceCollectionExtensions.CalendarReadPolicy);

        closures.MapGet("/{id:int}", GetAsync)
            .WithName("GetClosure")
            .WithSummary("One closure of a calendar. Needs scope 'calendar-admin' or 'read'.")
            .Produces<ClosureView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiServiceCollectionExtensions.CalendarReadPolicy);

        closures.MapDelete("/{id:int}", RemoveAsync)
            .WithName("RemoveClosure")
            .WithSummary("Lift a closure for this calendar only; its open cases are retimed. The closure is deleted with its last "
                + "calendar. Needs scope 'calendar-admin'.")
            .Produces<ClosureDetached>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiServiceCollectionExtensions.CalendarAdminPolicy);

        return api;
    }

    private static async Task<IResult> DeclareAsync(
        string code, HttpContext http, CalendarStore calendars, CalendarChangeService changes, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByCodeAsync(code, cancellationToken);
        if (calendar is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "calendar-not-found", code);
        }

        var bytes = await ReadBodyAsync(http.Request, cancellationToken);
        if (bytes is null)
        {
            return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "body-too-large", MaxBodyBytes);
        }

        ClosureBody? body;
        try
        {
            body = JsonSerializer.Deserialize<ClosureBody>(bytes, BodyJson);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-json");
        }

        if (!TryParseDate(body.Date, out var date))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-date", "date");
        }

        if (!TryParseTime(body.From, out var from))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-time", "from");
        }

        if (!TryParseTime(body.To, out var to))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-time", "to");
        }

        try
        {
            var result = await changes.DeclareClosureAsync([calendar.Code], date, from, to, body.Reason ?? "", Actor(http), cancellationToken);
            var closure = await changes.FindClosureAsync(calendar.Code, result.Id!.Value, cancellationToken)
                ?? throw new InvalidOperationException($"Closure {result.Id} vanished right after it was declared.");
            var view = View(closure, calendar.Zone);
            return TypedResults.Created(
                $"/api/v1/calendars/{Uri.EscapeDataString(calendar.Code)}/closures/{closure.Id}",
                new ClosureDeclared(view.Id, view.Date, view.From, view.To, view.Reason, view.Calendars, view.DeclaredAt, view.DeclaredBy, result.Retime.Moved));
        }
        catch (CalendarChangeException refused)
        {
            return Problem(refused);
        }
    }

    private static async Task<IResult> ListAsync(
        string code, string? from, string? to, CalendarStore calendars, CalendarChangeService changes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByCodeAsync(code, cancellationToken);
        if (calendar is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "calendar-not-found", code);
        }

        var today = time.GetUtcNow().ToInstant().InZone(calendar.Zone).Date;
        var first = today.PlusDays(-DefaultDaysBack);
        var last = today.PlusDays(DefaultDaysAhead);
        if (from is not null && !TryParseDate(from, out first))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-date", "from");
        }

        if (to is not null && !TryParseDate(to, out last))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-date", "to");
        }

        if (first > last)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "date-range-invalid");
        }

        try
        {
            var list = await changes.ListClosuresAsync(calendar.Code, first, last, cancellationToken);
            return TypedResults.Ok(list.Select(c => View(c, calendar.Zone)).ToArray());
        }
        catch (CalendarChangeException refused)
        {
            return Problem(refused);
        }
    }

    private static async Task<IResult> GetAsync(
        string code, int id, CalendarStore calendars, CalendarChangeService changes, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByCodeAsync(code, cancellationToken);
        if (calendar is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "calendar-not-found", code);
        }

        var closure = await changes.FindClosureAsync(calendar.Code, id, cancellationToken);
        return closure is null
            ? Problem(new CalendarChangeException("closure-not-found"))
            : TypedResults.Ok(View(closure, calendar.Zone));
    }

    private static async Task<IResult> RemoveAsync(
        string code, int id, HttpContext http, CalendarStore calendars, CalendarChangeService changes, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByCodeAsync(code, cancellationToken);
        if (calendar is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "calendar-not-found", code);
        }

        var closure = await changes.FindClosureAsync(calendar.Code, id, cancellationToken);
        if (closure is null)
        {
            return Problem(new CalendarChangeException("closure-not-found"));
        }

        try
        {
            var result = await changes.RemoveClosureFromCalendarAsync(calendar.Code, id, Actor(http), cancellationToken);
            var remaining = closure.Calendars.Select(c => c.Code).Where(c => c != calendar.Code).Order(StringComparer.Ordinal).ToArray();
            return TypedResults.Ok(new ClosureDetached(id, calendar.Code, remaining, remaining.Length == 0, result.Retime.Moved));
        }
        catch (CalendarChangeException refused)
        {
            return Problem(refused);
        }
    }

    private static IResult Problem(CalendarChangeException refused) => ApiProblems.Refusal(
        refused.Code switch
        {
            "calendar-not-found" or "closure-not-found" => StatusCodes.Status404NotFound,
            "closure-duplicate" => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        refused.Code,
        refused.MessageFa,
        refused.MessageEn);

    private static ClosureView View(Closure closure, DateTimeZone zone) => new(
        closure.Id,
        LocalDatePattern.Iso.Format(closure.Date),
        closure.From is { } from ? TimePattern.Format(from) : null,
        closure.To is { } to ? TimePattern.Format(to) : null,
        closure.Reason,
        closure.Calendars.Select(c => c.Code).Order(StringComparer.Ordinal).ToArray(),
        OffsetDateTimePattern.ExtendedIso.Format(closure.DeclaredAt.InZone(zone).ToOffsetDateTime()),
        closure.DeclaredBy);

    private static string Actor(HttpContext http) => "api:" + http.User.Identity!.Name;

    private static bool TryParseDate(string? text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text?.Trim() ?? "");
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Null (or absent) is a valid "no bound"; anything else must be HH:mm.</summary>
    private static bool TryParseTime(string? text, out LocalTime? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        var result = TimePattern.Parse(text.Trim());
        time = result.Success ? result.Value : null;
        return result.Success;
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
