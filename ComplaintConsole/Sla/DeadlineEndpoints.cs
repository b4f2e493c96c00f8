using ComplaintConsole.Api;
using ComplaintConsole.Data;
using NodaTime;
using NodaTime.Text;

namespace ComplaintConsole.Sla;

/// <summary>How a phone IVR tells a caller when to expect an answer: B(t) and D(t) of a calendar.</summary>
public static class DeadlineEndpoints
{
    private static readonly OffsetDateTimePattern[] InstantPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    public sealed record DeadlineResponse(string Calendar, string ReceivedAt, string BusinessDayOfReceipt, string ResponseDueAt);

    public static RouteGroupBuilder MapDeadlineEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/calendars/{code}/deadline", GetDeadlineAsync)
            .WithName("GetDeadline")
            .WithTags("Calendars")
            .WithSummary("Business day of receipt and response deadline of a complaint received at an instant.")
            .Produces<DeadlineResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // An unencoded '+' in a query string arrives as a space.
        var candidate = text.Trim().Replace(' ', '+');
        foreach (var pattern in InstantPatterns)
        {
            var result = pattern.Parse(candidate);
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }

        return false;
    }

    private static async Task<IResult> GetDeadlineAsync(string code, string? receivedAt, CalendarStore calendars, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByCodeAsync(code, cancellationToken);
        if (calendar is null)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "calendar-not-found", code);
        }

        if (!TryParseInstant(receivedAt, out var instant))
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "invalid-instant");
        }

        var deadline = calendar.Compute(instant);
        return TypedResults.Ok(new DeadlineResponse(
            calendar.Code,
            OffsetDateTimePattern.ExtendedIso.Format(instant.InZone(calendar.Zone).ToOffsetDateTime()),
            LocalDatePattern.Iso.Format(deadline.BusinessDayOfReceipt),
            OffsetDateTimePattern.ExtendedIso.Format(deadline.ResponseDue.InZone(calendar.Zone).ToOffsetDateTime())));
    }
}
