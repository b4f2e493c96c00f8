using ComplaintConsole.Domain;
using NodaTime;

namespace ComplaintConsole.Management;

/// <summary>The /manage filters; also the query string of the CSV export, so that the file is what the screen shows.</summary>
public sealed record CaseFilter
{
    public int? AgencyId { get; init; }

    public Layer? Layer { get; init; }

    public int? DeskId { get; init; }

    public int? MinLevel { get; init; }

    public int? MinAgeDays { get; init; }

    public string? OperatorId { get; init; }

    public string? Search { get; init; }
}

public sealed record CaseRow(
    long Id,
    long Version,
    string TrackingCode,
    string Subject,
    string AgencyName,
    Layer Layer,
    int DeskId,
    string DeskName,
    string? OperatorId,
    string? OperatorName,
    ComplaintStatus Status,
    Instant ReceivedAt,
    Instant ResponseDueAt,
    int OverdueLevel);

public sealed record CaseList(IReadOnlyList<CaseRow> Rows, int Total);

/// <summary>A case as the manager saw it: the version makes a move fail if the case changed since.</summary>
public readonly record struct CaseVersion(long Id, long Version);

public sealed record ReassignRequest(int DeskId, string? OperatorId, string Reason);

/// <summary>Null <see cref="Error"/>: every case moved. Otherwise nothing moved and the code selects the message.</summary>
public sealed record ReassignResult(int Moved, string? Error)
{
    public bool Succeeded => Error is null;
}

public sealed record DeskOption(int Id, string NameFa, string NameEn);

public sealed record OperatorOption(string Id, string DisplayName, IReadOnlyList<int> DeskIds);

public sealed record AgencyOption(int Id, string NameFa, string NameEn, Layer Layer);

public sealed record ManageLookups(IReadOnlyList<DeskOption> Desks, IReadOnlyList<OperatorOption> Operators, IReadOnlyList<AgencyOption> Agencies);

public sealed record TimelineEntry(
    long Sequence,
    Instant At,
    ComplaintEventKind Kind,
    string ActorName,
    string? Reason,
    string? FromDesk,
    string? FromOperator,
    string? ToDesk,
    string? ToOperator);

public sealed record CaseDetail(
    long Id,
    string TrackingCode,
    ComplaintKind Kind,
    Channel Channel,
    string Subject,
    string Description,
    string AgencyName,
    Layer Layer,
    string DeskName,
    string? OperatorName,
    ComplaintStatus Status,
    Instant ReceivedAt,
    Instant ResponseDueAt,
    Instant? FirstResponseAt,
    Instant? ClosedAt,
    int OverdueLevel,
    bool HasPersonalData,
    IReadOnlyList<TimelineEntry> Timeline);


