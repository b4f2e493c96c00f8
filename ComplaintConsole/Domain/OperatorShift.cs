using NodaTime;

namespace ComplaintConsole.Domain;

/// <summary>An operator's current shift: the desk they sit at and their presence, visible to supervisors live.</summary>
public class OperatorShift
{
    public required string UserId { get; set; }

    public int DeskId { get; set; }

    public Desk? Desk { get; set; }

    public Presence Presence { get; set; } = Presence.Offline;

    public Instant StartedAt { get; set; }

    public Instant ChangedAt { get; set; }

    /// <summary>Joins a desk (or moves to another) as Available; only desks the operator belongs to are allowed.</summary>
    public void Start(int deskId, Instant now)
    {
        DeskId = deskId;
        Presence = Presence.Available;
        StartedAt = now;
        ChangedAt = now;
    }

    public void Set(Presence presence, Instant now)
    {
        Presence = presence;
        ChangedAt = now;
    }
}

public enum Presence
{
    Offline = 0,
    Available = 1,
    Busy = 2,
    OnBreak = 3,
}
