using ComplaintConsole.Desks;
using NodaTime;

namespace ComplaintConsole.Realtime;

/// <summary>
/// A case event on the wire. <see cref="PreviousSequence"/> is the sequence of the event sent before it to the same
/// group: a client whose last seen sequence differs (or that sees <see cref="AfterGap"/>) missed something and calls
/// <c>GetEventsAfter(lastSeen)</c>. Events read back from the database carry null there.
/// </summary>
public sealed record CaseEventMessage(
    long Sequence,
    long? PreviousSequence,
    bool AfterGap,
    string Group,
    long ComplaintId,
    string TrackingCode,
    string Kind,
    DateTimeOffset At,
    string Actor,
    int DeskId,
    int AgencyId,
    string? AssignedOperatorId,
    string Status,
    int OverdueLevel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt,
    bool Answered)
{
    public static CaseEventMessage From(LiveEvent e, long? previousSequence, string group = "") => new(
        e.Sequence,
        previousSequence,
        e.AfterGap,
        group,
        e.ComplaintId,
        e.TrackingCode,
        e.Kind.ToString(),
        ToOffset(e.At),
        e.Actor,
        e.DeskId,
        e.AgencyId,
        e.AssignedOperatorId,
        e.Status.ToString(),
        e.OverdueLevel,
        ToOffset(e.ReceivedAt),
        ToOffset(e.ResponseDueAt),
        e.Answered);

    private static DateTimeOffset ToOffset(Instant instant) => instant.ToDateTimeOffset();
}

public sealed record PresenceMessage(string UserId, string DisplayName, int DeskId, string Presence, DateTimeOffset At)
{
    public static PresenceMessage From(PresenceChange c) => new(c.UserId, c.DisplayName, c.DeskId, c.Presence.ToString(), c.At.ToDateTimeOffset());
}

public sealed record DeskLoadMessage(int DeskId, string DeskCode, string DeskName, int Waiting, DateTimeOffset? OldestWaitingSince, int Overdue, IReadOnlyList<PresenceMessage> Operators)
{
    public static DeskLoadMessage From(DeskLoad l) => new(
        l.DeskId, l.DeskCode, l.DeskNameFa, l.Waiting, l.OldestWaitingSince?.ToDateTimeOffset(), l.Overdue, l.Operators.Select(PresenceMessage.From).ToList());
}
