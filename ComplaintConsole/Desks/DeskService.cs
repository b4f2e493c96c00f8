using System.Collections.Frozen;
using System.Text.Json;
using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Operations;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Desks;

/// <summary>
/// Everything an operator does on a desk. Each action opens its own context, checks <see cref="CaseAccess"/>, applies
/// the entity's transition (which appends its timeline event), commits row and event in one transaction and only then
/// publishes the event on the live feed. Optimistic concurrency decides claim races: the loser gets "claim-lost".
/// </summary>
public sealed class DeskService(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    LiveFeed feed,
    PresenceBoard presenceBoard,
    CalendarStore calendars,
    TimeProvider time)
{
    public const int MaxEventsPerRead = 500;
    private const int ClaimNextAttempts = 8;
    private static readonly DateTimeZone DefaultZone = DateTimeZoneProviders.Tzdb["Asia/Tehran"];

    private volatile Catalog? _catalog;

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    public async Task<IReadOnlyList<DeskInfo>> DesksForAsync(CaseAccess access, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken);
        return catalog.Desks.Values.Where(d => access.CanSitAt(d.Id) || access.CanSeeLoadOf(d.Id)).OrderBy(d => d.Id).ToList();
    }

    public async Task<DeskInfo?> GetDeskAsync(int deskId, CancellationToken cancellationToken = default) =>
        (await GetCatalogAsync(cancellationToken)).Desks.GetValueOrDefault(deskId);

    public async Task<AgencyInfo?> GetAgencyAsync(int agencyId, CancellationToken cancellationToken = default) =>
        (await GetCatalogAsync(cancellationToken)).Agencies.GetValueOrDefault(agencyId);

    public Task<WorkingCalendar> CalendarForDeskAsync(int deskId, CancellationToken cancellationToken = default) =>
        calendars.ForDeskAsync(deskId, cancellationToken);

    public async Task<ShiftView?> GetShiftAsync(CaseAccess access, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shift = await db.OperatorShifts.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == access.UserId, cancellationToken);
        return shift is null || shift.Presence == Presence.Offline || !access.CanSitAt(shift.DeskId)
            ? null
            : new ShiftView(shift.DeskId, shift.Presence, shift.StartedAt, shift.ChangedAt);
    }

    public async Task<DeskResult> StartShiftAsync(CaseAccess access, int deskId, CancellationToken cancellationToken = default)
    {
        if (!access.CanSitAt(deskId))
        {
            return DeskResult.Forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shift = await db.OperatorShifts.SingleOrDefaultAsync(s => s.UserId == access.UserId, cancellationToken);
        if (shift is null)
        {
            shift = new OperatorShift { UserId = access.UserId };
            db.OperatorShifts.Add(shift);
        }

        var now = Now;
        shift.Start(deskId, now);
        await db.SaveChangesAsync(cancellationToken);
        await PublishPresenceAsync(db, shift, cancellationToken);
        return DeskResult.Ok("");
    }

    public async Task<DeskResult> SetPresenceAsync(CaseAccess access, Presence presence, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var shift = await db.OperatorShifts.SingleOrDefaultAsync(s => s.UserId == access.UserId, cancellationToken);
        if (shift is null || !access.CanSitAt(shift.DeskId))
        {
            return DeskResult.Failed("no-shift");
        }

        shift.Set(presence, Now);
        await db.SaveChangesAsync(cancellationToken);
        await PublishPresenceAsync(db, shift, cancellationToken);
        return DeskResult.Ok("");
    }

    /// <summary>The desk's unassigned cases, oldest first; <paramref name="take"/> bounds what a screen holds.</summary>
    public async Task<QueueSnapshot> QueueAsync(CaseAccess access, int deskId, int take, CancellationToken cancellationToken = default)
    {
        if (!access.CanRead(deskId))
        {
            return new QueueSnapshot([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = db.Complaints.AsNoTracking().Where(c => c.DeskId == deskId && c.Status == ComplaintStatus.New && c.AssignedOperatorId == null);
        var total = await waiting.CountAsync(cancellationToken);
        var items = await ToRows(waiting.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).Take(take)).ToListAsync(cancellationToken);
        return new QueueSnapshot(items, total);
    }

    public async Task<IReadOnlyList<CaseRow>> MyCasesAsync(CaseAccess access, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Complaints.AsNoTracking()
            .Where(c => c.AssignedOperatorId == access.UserId && c.Status != ComplaintStatus.Closed)
            .OrderBy(c => c.ResponseDueAt).ThenBy(c => c.Id)
            .Take(take);
        var rows = await ToRows(mine).ToListAsync(cancellationToken);
        return rows.Where(r => access.CanRead(r.DeskId)).ToList();
    }

    /// <summary>By tracking code (prefix) or words of the subject, description or name, among readable cases.</summary>
    public async Task<IReadOnlyList<CaseRow>> SearchAsync(CaseAccess access, string text, int take, CancellationToken cancellationToken = default)
    {
        var term = Jalali.NormalizeDigits(text.Trim()).Replace('ي', 'ی').Replace('ك', 'ک');
        if (term.Length < 2 || !access.CanUseLiveFeed)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readable = access.ReadsEverything
            ? db.Complaints.AsNoTracking()
            : db.Complaints.AsNoTracking().Where(c => access.DeskIds.Contains(c.DeskId));
        var code = term.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        var found = readable.Where(c => c.TrackingCode.StartsWith(code) || c.SearchKey.Contains(term) || c.Subject.Contains(term))
            .OrderByDescending(c => c.ReceivedAt)
            .Take(take);
        return await ToRows(found).ToListAsync(cancellationToken);
    }

    public Task<DeskResult> ClaimAsync(CaseAccess access, string trackingCode, CancellationToken cancellationToken = default) =>
        ActAsync(access, trackingCode, (c, now) => c.Claim(access.UserId, now), cancellationToken);

    /// <summary>Claims the oldest waiting case of the desk; a case taken meanwhile by a colleague is skipped.</summary>
    public async Task<DeskResult> ClaimNextAsync(CaseAccess access, int deskId, CancellationToken cancellationToken = default)
    {
        if (!access.CanAct(deskId))
        {
            return DeskResult.Forbidden;
        }

        for (var attempt = 0; attempt < ClaimNextAttempts; attempt++)
        {
            string? code;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                code = await db.Complaints.AsNoTracking()
                    .Where(c => c.DeskId == deskId && c.Status == ComplaintStatus.New && c.AssignedOperatorId == null)
                    .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
                    .Skip(attempt == 0 ? 0 : Random.Shared.Next(0, attempt + 1))
                    .Select(c => c.TrackingCode)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            if (code is null)
            {
                return DeskResult.NothingWaiting;
            }

            var result = await ClaimAsync(access, code, cancellationToken);
            if (result.Succeeded || result.Error is not ("claim-lost" or "already-claimed"))
            {
                return result;
            }
        }

        return DeskResult.Failed("claim-lost");
    }

    public Task<DeskResult> RespondAsync(CaseAccess access, string trackingCode, string method, string summary, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(method) || string.IsNullOrWhiteSpace(summary)
            ? Task.FromResult(DeskResult.Failed("text-required"))
            : ActAsync(access, trackingCode, (c, now) => c.RecordResponse(access.UserId, method, summary.Trim(), now), cancellationToken);

    public Task<DeskResult> AddNoteAsync(CaseAccess access, string trackingCode, string note, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(note)
            ? Task.FromResult(DeskResult.Failed("text-required"))
            : ActAsync(access, trackingCode, (c, now) => c.AddNote(access.UserId, note.Trim(), now), cancellationToken);

    public Task<DeskResult> ReferAsync(CaseAccess access, string trackingCode, string reason, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(DeskResult.Failed("text-required"))
            : ActAsync(access, trackingCode, (c, now) => c.ReferToAgency(access.UserId, reason.Trim(), now), cancellationToken);

    public Task<DeskResult> CloseAsync(CaseAccess access, string trackingCode, string outcome, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(outcome)
            ? Task.FromResult(DeskResult.Failed("text-required"))
            : ActAsync(access, trackingCode, (c, now) => c.Close(access.UserId, outcome.Trim(), now), cancellationToken);

    public async Task<CaseView?> GetCaseAsync(CaseAccess access, string trackingCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Complaints.AsNoTracking().Include(x => x.Events).SingleOrDefaultAsync(x => x.TrackingCode == trackingCode, cancellationToken);
        if (c is null || !access.CanRead(c.DeskId))
        {
            return null;
        }

        var catalog = await GetCatalogAsync(cancellationToken);
        var moves = c.Events.Where(e => e.Kind == ComplaintEventKind.Reassigned).ToDictionary(e => e.Id, e => ReassignmentMove.Read(e.Data));
        var actorIds = c.Events.Select(e => e.Actor).Append(c.AssignedOperatorId ?? "")
            .Concat(moves.Values.SelectMany(m => new[] { m.FromOperator, m.ToOperator }).OfType<string>())
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);
        var desk = catalog.Desks[c.DeskId];
        var timeline = c.Events.OrderBy(e => e.Id).Select(e => new TimelineEntry(
            e.Id, e.At, e.Kind, e.Actor, names.GetValueOrDefault(e.Actor, e.Actor), e.Reason,
            moves.ContainsKey(e.Id) ? [] : Details(e.Data), e.Public,
            moves.TryGetValue(e.Id, out var m) ? Move(m) : null)).ToList();
        string? DeskName(int? id) => id is { } d && catalog.Desks.TryGetValue(d, out var info) ? info.NameFa : null;
        string? Person(string? id) => id is null ? null : names.GetValueOrDefault(id, id);
        CaseMove Move(ReassignmentMove m) => new(DeskName(m.FromDesk), Person(m.FromOperator), DeskName(m.ToDesk), Person(m.ToOperator));
        return new CaseView(
            ToRow(c),
            desk.NameFa,
            catalog.Agencies[c.AgencyId],
            catalog.Categories.GetValueOrDefault(c.CategoryCode, c.CategoryCode),
            c.ChannelSource,
            c.ComplainantName,
            PersonalData.MaskNationalCode(c.NationalCode),
            PersonalData.MaskMobile(c.Mobile),
            c.Description,
            c.BusinessDayOfReceipt,
            c.AssignedAt,
            c.AssignedOperatorId is null ? null : names.GetValueOrDefault(c.AssignedOperatorId, c.AssignedOperatorId),
            c.FirstResponseAt,
            c.ClosedAt,
            desk.Zone,
            access.CanAct(c.DeskId),
            access.CanRevealPersonalData(c.DeskId, c.AssignedOperatorId) && (c.NationalCode is not null || c.Mobile is not null),
            timeline);
    }

    /// <summary>Shows the citizen's identifiers to someone who needs them, recording that they were viewed.</summary>
    public async Task<PersonalDataView?> RevealPersonalDataAsync(CaseAccess access, string trackingCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.TrackingCode == trackingCode, cancellationToken);
        if (c is null || !access.CanRevealPersonalData(c.DeskId, c.AssignedOperatorId))
        {
            return null;
        }

        var e = c.Append(ComplaintEventKind.PersonalDataViewed, access.UserId, Now, data: new { fields = "nationalCode,mobile" });
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(LiveEvent.From(c, e));
        return new PersonalDataView(c.NationalCode, c.Mobile is null ? null : PersonalData.ToLocal(c.Mobile));
    }

    /// <summary>
    /// Timeline events after <paramref name="afterSequence"/> that the caller may read, oldest first, with the case's
    /// current state: how a live client that saw a gap or reconnected catches up.
    /// </summary>
    public async Task<IReadOnlyList<LiveEvent>> EventsAfterAsync(CaseAccess access, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        if (!access.CanUseLiveFeed)
        {
            return [];
        }

        max = Math.Clamp(max, 1, MaxEventsPerRead);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readAll = access.ReadsEverything;
        var deskIds = access.DeskIds;
        var rows = await (
                from e in db.ComplaintEvents.AsNoTracking()
                join c in db.Complaints.AsNoTracking() on e.ComplaintId equals c.Id
                where e.Id > afterSequence && (readAll || deskIds.Contains(c.DeskId))
                orderby e.Id
                select new { Event = e, Complaint = c })
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(r => LiveEvent.From(r.Complaint, r.Event)).ToList();
    }

    /// <summary>Queue depth, oldest wait, overdue count and who is on shift, for the desks whose load the caller may see.</summary>
    public async Task<IReadOnlyList<DeskLoad>> LoadAsync(CaseAccess access, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken);
        var deskIds = catalog.Desks.Keys.Where(access.CanSeeLoadOf).ToList();
        if (deskIds.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.Complaints.AsNoTracking()
            .Where(c => deskIds.Contains(c.DeskId) && c.Status == ComplaintStatus.New && c.AssignedOperatorId == null)
            .GroupBy(c => c.DeskId)
            .Select(g => new { DeskId = g.Key, Count = g.Count(), Oldest = g.Min(c => c.ReceivedAt) })
            .ToListAsync(cancellationToken);
        var overdue = await db.Complaints.AsNoTracking()
            .Where(c => deskIds.Contains(c.DeskId) && c.Status != ComplaintStatus.Closed && c.FirstResponseAt == null && c.OverdueLevel > 0)
            .GroupBy(c => c.DeskId)
            .Select(g => new { DeskId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DeskId, x => x.Count, cancellationToken);
        var shifts = await (
                from s in db.OperatorShifts.AsNoTracking()
                join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                where deskIds.Contains(s.DeskId) && s.Presence != Presence.Offline
                select new PresenceChange(s.UserId, u.DisplayName, s.DeskId, s.Presence, s.ChangedAt))
            .ToListAsync(cancellationToken);
        return deskIds.Select(id =>
        {
            var w = waiting.SingleOrDefault(x => x.DeskId == id);
            var d = catalog.Desks[id];
            return new DeskLoad(id, d.Code, d.NameFa, w?.Count ?? 0, w?.Oldest, overdue.GetValueOrDefault(id), shifts.Where(s => s.DeskId == id).ToList());
        }).ToList();
    }

    private async Task<DeskResult> ActAsync(CaseAccess access, string trackingCode, Func<Complaint, Instant, ComplaintEvent> action, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Complaints.SingleOrDefaultAsync(x => x.TrackingCode == trackingCode, cancellationToken);
        if (c is null || !access.CanRead(c.DeskId))
        {
            return DeskResult.NotFound;
        }

        if (!access.CanAct(c.DeskId))
        {
            return DeskResult.Forbidden;
        }

        ComplaintEvent e;
        try
        {
            e = action(c, Now);
        }
        catch (DomainException ex)
        {
            return DeskResult.Failed(ex.Code);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the case between our read and our write (a colleague claimed it first): nothing of ours
            // was written; the caller is told kindly and the queue catches up from the feed.
            if (e.Kind == ComplaintEventKind.Claimed)
            {
                ConsoleMetrics.ClaimConflicts.Add(1);
            }

            return DeskResult.Failed(e.Kind == ComplaintEventKind.Claimed ? "claim-lost" : "changed-meanwhile");
        }

        feed.Publish(LiveEvent.From(c, e));
        return DeskResult.Ok(c.TrackingCode);
    }

    private async Task PublishPresenceAsync(ComplaintsDbContext db, OperatorShift shift, CancellationToken cancellationToken)
    {
        var name = await db.Users.Where(u => u.Id == shift.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        presenceBoard.Publish(new PresenceChange(shift.UserId, name, shift.DeskId, shift.Presence, shift.ChangedAt));
    }

    private static IQueryable<CaseRow> ToRows(IQueryable<Complaint> query) =>
        query.Select(c => new CaseRow(
            c.Id, c.TrackingCode, c.Kind, c.Channel, c.Subject, c.AgencyId, c.DeskId, c.Status, c.AssignedOperatorId,
            c.ReceivedAt, c.ResponseDueAt, c.OverdueLevel, c.FirstResponseAt != null));

    private static CaseRow ToRow(Complaint c) => new(
        c.Id, c.TrackingCode, c.Kind, c.Channel, c.Subject, c.AgencyId, c.DeskId, c.Status, c.AssignedOperatorId,
        c.ReceivedAt, c.ResponseDueAt, c.OverdueLevel, c.FirstResponseAt is not null);

    private static List<KeyValuePair<string, string>> Details(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return doc.RootElement.EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))
            .ToList();
    }

    private async Task<Catalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        if (_catalog is { } catalog)
        {
            return catalog;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().Include(d => d.Calendar).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        return _catalog = new Catalog(
            desks.ToFrozenDictionary(d => d.Id, d => new DeskInfo(
                d.Id, d.Code, d.NameFa, d.NameEn, DateTimeZoneProviders.Tzdb.GetZoneOrNull(d.Calendar?.TimeZone ?? "") ?? DefaultZone)),
            agencies.ToFrozenDictionary(a => a.Id, a => new AgencyInfo(a.Id, a.NameFa, a.NameEn, a.Layer)),
            categories.ToFrozenDictionary(c => c.Code, c => c.NameFa));
    }

    private sealed record Catalog(
        FrozenDictionary<int, DeskInfo> Desks,
        FrozenDictionary<int, AgencyInfo> Agencies,
        FrozenDictionary<string, string> Categories);
}
