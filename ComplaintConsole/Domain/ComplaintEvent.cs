using NodaTime;

namespace ComplaintConsole.Domain;

/// <summary>
/// One entry of a case's timeline: the audit log and the source of live events. <see cref="Id"/> is the global
/// sequence number that live clients use to detect gaps.
/// </summary>
public class ComplaintEvent
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public Instant At { get; set; }

    /// <summary>User id, "citizen", "api:&lt;key name&gt;" or "system".</summary>
    public required string Actor { get; set; }

    public ComplaintEventKind Kind { get; set; }

    /// <summary>Small JSON payload specific to the kind (e.g. old and new deadline).</summary>
    public string? Data { get; set; }

    public string? Reason { get; set; }

    /// <summary>Shown to the citizen on the tracking page.</summary>
    public bool Public { get; set; }
}
