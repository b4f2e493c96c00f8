using NodaTime;

namespace ComplaintConsole.Intake;

/// <summary>
/// The first response to an API request carrying an Idempotency-Key, written in the same transaction as the complaint
/// it created, so a replay can never disagree with what was stored. Scoped to the API key that sent it.
/// </summary>
public class IdempotencyRecord
{
    public long Id { get; set; }

    public required string ApiKeyName { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the request body: the same key with another body is refused (422).</summary>
    public required string RequestHash { get; set; }

    public int ResponseStatus { get; set; }

    public required string ResponseBody { get; set; }

    public string? ResponseLocation { get; set; }

    public long? ComplaintId { get; set; }

    public Domain.Complaint? Complaint { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant ExpiresAt { get; set; }
}
