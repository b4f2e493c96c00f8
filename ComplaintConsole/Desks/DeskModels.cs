using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using NodaTime;

namespace ComplaintConsole.Desks;

public sealed record DeskInfo(int Id, string Code, string NameFa, string NameEn, DateTimeZone Zone);

public sealed record AgencyInfo(int Id, string NameFa, string NameEn, Layer Layer);

/// <summary>A row of a queue or of "my cases"; built from the database or, for live changes, from a <see cref="LiveEvent"/>.</summary>
public sealed record CaseRow(
    long Id,
    string TrackingCode,
    ComplaintKind Kind,
    Channel Channel,
    string Subject,
    int AgencyId,
    int DeskId,
    ComplaintStatus Status,
    string? AssignedOperatorId,
    Instant ReceivedAt,
    Instant ResponseDueAt,
    int OverdueLevel,
    bool Answered)
{
    public static CaseRow From(LiveEvent e) => new(
        e.ComplaintId,
        e.TrackingCode,
        e.ComplaintKind,
        e.Channel,
        e.Subject ?? "",
        e.AgencyId,
        e.DeskId,
        e.Status,
        e.AssignedOperatorId,
        e.ReceivedAt,
        e.ResponseDueAt,
        e.OverdueLevel,
        e.Answered);

    public bool IsUnassigned => Status == ComplaintStatus.New && AssignedOperatorId is null;
}

public sealed record QueueSnapshot(IReadOnlyList<CaseRow> Items, int Total);

public sealed record ShiftView(int DeskId, Presence Presence, Instant StartedAt, Instant ChangedAt);


public sealed record DeskLoad(
    int DeskId,
    string DeskCode,
    string DeskNameFa,
    int Waiting,
    Instant? OldestWaitingSince,
    int Overdue,
    IReadOnlyList<PresenceChange> Operators);

/// <summary>The outcome of a desk action; <see cref="Error"/> selects the Persian/English message (DeskText "Error_*").</summary>
public sealed record DeskResult(bool Succeeded, string? Error = null, string? TrackingCode = null)
{
    public static readonly DeskResult NotFound = new(false, "not-found");
    public static readonly DeskResult Forbidden = new(false, "forbidden");
    public static readonly DeskResult NothingWaiting = new(false, "nothing-waiting");

    public static DeskResult Ok(string trackingCode) => new(true, null, trackingCode);

    public static DeskResult Failed(string error) => new(false, error);
}

public sealed record PersonalDataView(string? NationalCode, string? Mobile);

public sealed record TimelineEntry(
    long Sequence,
    Instant At,
    ComplaintEventKind Kind,
    string Actor,
    string ActorName,
    string? Reason,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    bool Public,
    CaseMove? Move = null);

/// <summary>A reassignment's two ends, by name (operator null = the desk's queue).</summary>
public sealed record CaseMove(string? FromDesk, string? FromOperator, string? ToDesk, string? ToOperator);

public sealed record CaseView(
    CaseRow Row,
    string DeskNameFa,
    AgencyInfo Agency,
    string CategoryFa,
    string? ChannelSource,
    string? ComplainantName,
    string? NationalCodeMasked,
    string? MobileMasked,
    string Description,
    LocalDate BusinessDayOfReceipt,
    Instant? AssignedAt,
    string? AssignedOperatorName,
    Instant? FirstResponseAt,
    Instant? ClosedAt,
    DateTimeZone Zone,
    bool CanAct,
    bool CanReveal,
    IReadOnlyList<TimelineEntry> Timeline);
