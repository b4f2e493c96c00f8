using ComplaintConsole.Domain;
using NodaTime;

namespace ComplaintConsole.Realtime;

/// <summary>
/// A committed timeline event with the case state a desk or board needs to update without a database read.
/// <see cref="Sequence"/> is the timeline event id: a client that sees a gap re-reads from the database.
/// </summary>
public sealed record LiveEvent(
    long Sequence,
    long ComplaintId,
    string TrackingCode,
    ComplaintEventKind Kind,
    Instant At,
    string Actor,
    int DeskId,
    int AgencyId,
    string? AssignedOperatorId,
    ComplaintStatus Status,
    int OverdueLevel,
    Instant ReceivedAt,
    Instant ResponseDueAt,
    bool Answered)
{
    /// <summary>Set by the feed when this subscriber missed events before this one (it was too slow).</summary>
    public bool AfterGap { get; init; }

    /// <summary>The case's subject, so a queue can show a new arrival without a database read.</summary>
    public string? Subject { get; init; }

    public Channel Channel { get; init; }

    public ComplaintKind ComplaintKind { get; init; }

    public static LiveEvent From(Complaint c, ComplaintEvent e) => new(
        e.Id,
        c.Id,
        c.TrackingCode,
        e.Kind,
        e.At,
        e.Actor,
        c.DeskId,
        c.AgencyId,
        c.AssignedOperatorId,
        c.Status,
        c.OverdueLevel,
        c.ReceivedAt,
        c.ResponseDueAt,
        c.FirstResponseAt is not null)
    {
        Subject = c.Subject,
        Channel = c.Channel,
        ComplaintKind = c.Kind,
    };
}
