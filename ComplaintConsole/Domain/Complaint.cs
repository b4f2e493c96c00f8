using System.Text.Json;
using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Domain;

/// <summary>
/// The case. Its transitions are the methods below; each refuses an illegal move with a <see cref="DomainException"/>
/// and appends the matching timeline event, so the row and its event are saved in one transaction.
/// </summary>
public class Complaint
{
    public long Id { get; set; }

    public required string TrackingCode { get; set; }

    public ComplaintKind Kind { get; set; }

    public Channel Channel { get; set; }

    /// <summary>Who filed it on the channel: the operator for Phone, the API key's name for Api.</summary>
    public string? ChannelSource { get; set; }

    public string? ComplainantName { get; set; }

    public string? NationalCode { get; set; }

    /// <summary>Stored as +989xxxxxxxxx.</summary>
    public string? Mobile { get; set; }

    /// <summary>Hash of the secret an anonymous reporter is shown once, to track the report later.</summary>
    public string? TrackingSecretHash { get; set; }

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string CategoryCode { get; set; }

    public required string Subject { get; set; }

    public required string Description { get; set; }

    /// <summary>Normalised subject, description and name (Yeh/Kaf, ZWNJ, digits) for search.</summary>
    public string SearchKey { get; set; } = "";

    public Instant ReceivedAt { get; set; }

    public LocalDate BusinessDayOfReceipt { get; set; }

    public Instant ResponseDueAt { get; set; }

    /// <summary>When the overdue level next rises if still unanswered: the deadline, then each later opening.</summary>
    public Instant NextEscalationAt { get; set; }

    public ComplaintStatus Status { get; set; } = ComplaintStatus.New;

    public int DeskId { get; set; }

    public Desk? Desk { get; set; }

    public string? AssignedOperatorId { get; set; }

    public Instant? AssignedAt { get; set; }

    public Instant? FirstResponseAt { get; set; }

    public Instant? ClosedAt { get; set; }

    public int OverdueLevel { get; set; }

    /// <summary>Optimistic concurrency: application-managed on SQLite, rowversion on SQL Server, xmin on PostgreSQL.</summary>
    public long Version { get; set; }

    public List<ComplaintEvent> Events { get; set; } = [];

    public bool IsOpen => Status != ComplaintStatus.Closed;

    public bool AwaitsFirstResponse => IsOpen && FirstResponseAt is null;

    public void ApplyDeadline(Deadline deadline)
    {
        BusinessDayOfReceipt = deadline.BusinessDayOfReceipt;
        ResponseDueAt = deadline.ResponseDue;
        NextEscalationAt = deadline.ResponseDue;
    }

    public ComplaintEvent Claim(string operatorId, Instant now)
    {
        EnsureOpen();
        if (AssignedOperatorId is not null)
        {
            throw new DomainException("already-claimed", $"Complaint {TrackingCode} is already assigned.");
        }

        AssignedOperatorId = operatorId;
        AssignedAt = now;
        if (Status == ComplaintStatus.New)
        {
            Status = ComplaintStatus.Assigned;
        }

        return Append(ComplaintEventKind.Claimed, operatorId, now, data: new { operatorId });
    }

    /// <summary>پاسخ اولیه: the operator reached the citizen. Only the first one stops the clock.</summary>
    public ComplaintEvent RecordResponse(string operatorId, string method, string summary, Instant now)
    {
        EnsureOpen();
        EnsureAssignedTo(operatorId);
        FirstResponseAt ??= now;
        if (Status is ComplaintStatus.New or ComplaintStatus.Assigned)
        {
            Status = ComplaintStatus.Responded;
        }

        return Append(ComplaintEventKind.Responded, operatorId, now, data: new { method, summary }, isPublic: true);
    }

    public ComplaintEvent AddNote(string actor, string note, Instant now)
    {
        EnsureOpen();
        return Append(ComplaintEventKind.NoteAdded, actor, now, data: new { note });
    }

    public ComplaintEvent ReferToAgency(string operatorId, string reason, Instant now)
    {
        EnsureOpen();
        EnsureAssignedTo(operatorId);
        Status = ComplaintStatus.Referred;
        return Append(ComplaintEventKind.Referred, operatorId, now, reason: reason, isPublic: true);
    }

    public ComplaintEvent Close(string operatorId, string outcome, Instant now)
    {
        EnsureOpen();
        EnsureAssignedTo(operatorId);
        Status = ComplaintStatus.Closed;
        ClosedAt = now;
        return Append(ComplaintEventKind.Closed, operatorId, now, data: new { outcome }, isPublic: true);
    }

    /// <summary>Moves the case to another desk and/or operator. The deadline never restarts.</summary>
    public ComplaintEvent Reassign(string actor, int toDeskId, string? toOperatorId, string reason, Instant now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason-required", "A reassignment needs a reason.");
        }

        var from = new { deskId = DeskId, operatorId = AssignedOperatorId };
        DeskId = toDeskId;
        AssignedOperatorId = toOperatorId;
        AssignedAt = toOperatorId is null ? null : now;
        if (FirstResponseAt is null && Status is ComplaintStatus.New or ComplaintStatus.Assigned)
        {
            Status = toOperatorId is null ? ComplaintStatus.New : ComplaintStatus.Assigned;
        }

        return Append(ComplaintEventKind.Reassigned, actor, now, reason: reason, data: new { from, to = new { deskId = toDeskId, operatorId = toOperatorId } });
    }

    /// <summary>
    /// A calendar changed: the deadline and overdue level are recomputed from the receipt instant, so a flag lifts when
    /// the deadline moved into the future. Returns null when nothing changed.
    /// </summary>
    public ComplaintEvent? Retime(WorkingCalendar calendar, string actor, string reason, Instant now)
    {
        if (!AwaitsFirstResponse)
        {
            return null;
        }

        var deadline = calendar.Compute(ReceivedAt);
        var level = calendar.EscalationLevel(deadline.ResponseDue, now);
        if (deadline.ResponseDue == ResponseDueAt && deadline.BusinessDayOfReceipt == BusinessDayOfReceipt && level == OverdueLevel)
        {
            return null;
        }

        var old = ResponseDueAt;
        ApplyDeadline(deadline);
        OverdueLevel = level;
        NextEscalationAt = level == 0 ? deadline.ResponseDue : calendar.NextOpeningAfter(now);
        return Append(
            ComplaintEventKind.DeadlineChanged,
            actor,
            now,
            reason: reason,
            data: new { from = old.ToString(), to = deadline.ResponseDue.ToString(), level },
            isPublic: true);
    }

    public ComplaintEvent Append(ComplaintEventKind kind, string actor, Instant now, object? data = null, string? reason = null, bool isPublic = false)
    {
        var e = new ComplaintEvent
        {
            Kind = kind,
            Actor = actor,
            At = now,
            Data = data is null ? null : JsonSerializer.Serialize(data),
            Reason = reason,
            Public = isPublic,
        };
        Events.Add(e);
        return e;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("closed", $"Complaint {TrackingCode} is closed.");
        }
    }

    private void EnsureAssignedTo(string operatorId)
    {
        if (AssignedOperatorId != operatorId)
        {
            throw new DomainException("not-assigned", $"Complaint {TrackingCode} is not assigned to this operator.");
        }
    }
}

/// <summary>Where a reassignment took a case: read back from its <see cref="ComplaintEventKind.Reassigned"/> event's data.</summary>
public readonly record struct ReassignmentMove(int? FromDesk, string? FromOperator, int? ToDesk, string? ToOperator)
{
    public static ReassignmentMove Read(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return default;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(data);
        static (int?, string?) Side(System.Text.Json.JsonElement root, string name) =>
            root.TryGetProperty(name, out var side)
                ? (side.TryGetProperty("deskId", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.Number ? d.GetInt32() : null,
                   side.TryGetProperty("operatorId", out var o) && o.ValueKind == System.Text.Json.JsonValueKind.String ? o.GetString() : null)
                : (null, null);
        var (fromDesk, fromOp) = Side(doc.RootElement, "from");
        var (toDesk, toOp) = Side(doc.RootElement, "to");
        return new ReassignmentMove(fromDesk, fromOp, toDesk, toOp);
    }
}
