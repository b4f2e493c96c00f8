using System.Text.Json;
using ComplaintConsole.Board;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Management;

/// <summary>
/// The inspection manager's work: open cases worst first, bulk reassignment (all or nothing, optimistic concurrency),
/// case timelines and the recorded reveal of personal data. Every change is one transaction and is published after it
/// commits.
/// </summary>
public sealed class ManagementService(IDbContextFactory<ComplaintsDbContext> dbFactory, LiveFeed feed, TimeProvider time)
{
    public const int MaxExportRows = 100_000;

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    public async Task<ManageLookups> GetLookupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().OrderBy(d => d.Id).Select(d => new DeskOption(d.Id, d.NameFa, d.NameEn)).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Layer).ThenBy(a => a.Id)
            .Select(a => new AgencyOption(a.Id, a.NameFa, a.NameEn, a.Layer)).ToListAsync(cancellationToken);
        var operatorRole = await db.Roles.Where(r => r.Name == Roles.Operator).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var operators = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == operatorRole))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToListAsync(cancellationToken);
        var members = await db.DeskMembers.AsNoTracking().Select(m => new { m.DeskId, m.UserId }).ToListAsync(cancellationToken);
        return new ManageLookups(
            desks,
            operators
                .OrderBy(o => o.UserName, StringComparer.Ordinal)
                .Select(o => new OperatorOption(o.Id, o.DisplayName, members.Where(m => m.UserId == o.Id).Select(m => m.DeskId).ToList()))
                .ToList(),
            agencies);
    }

    /// <summary>Open cases (or any case by exact tracking code), overdue and escalated first, then by deadline.</summary>
    public async Task<CaseList> ListAsync(CaseFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Project(db, query.OrderByDescending(c => c.OverdueLevel).ThenBy(c => c.ResponseDueAt).ThenBy(c => c.Id).Skip(skip).Take(take))
            .ToListAsync(cancellationToken);
        return new CaseList(rows.Select(ToRow).ToList(), total);
    }

    public async Task<IReadOnlyList<CaseRow>> ExportAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter).OrderByDescending(c => c.OverdueLevel).ThenBy(c => c.ResponseDueAt).ThenBy(c => c.Id).Take(MaxExportRows);
        return (await Project(db, query).ToListAsync(cancellationToken)).Select(ToRow).ToList();
    }

    /// <summary>
    /// Moves every case or none. Each case carries the version the manager saw: if any changed since (a claim, another
    /// move), the whole batch is refused with "stale". The deadline is kept; each move is a timeline event.
    /// </summary>
    public async Task<ReassignResult> ReassignAsync(
        string actorId, IReadOnlyList<CaseVersion> cases, ReassignRequest request, CancellationToken cancellationToken = default)
    {
        if (cases.Count == 0)
        {
            return new ReassignResult(0, "nothing-selected");
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return new ReassignResult(0, "reason-required");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Desks.AnyAsync(d => d.Id == request.DeskId, cancellationToken))
        {
            return new ReassignResult(0, "unknown-desk");
        }

        if (request.OperatorId is not null
            && !await db.DeskMembers.AnyAsync(m => m.DeskId == request.DeskId && m.UserId == request.OperatorId, cancellationToken))
        {
            return new ReassignResult(0, "operator-not-on-desk");
        }

        var ids = cases.Select(c => c.Id).Distinct().ToList();
        var now = Now;
        // No explicit transaction around the read: SaveChanges writes all rows in one transaction, and each UPDATE checks
        // the version, so one stale case rolls the whole batch back (an early read transaction would only add SQLite
        // snapshot conflicts).
        var complaints = await db.Complaints.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (complaints.Count != ids.Count)
        {
            return new ReassignResult(0, "not-found");
        }

        var expected = cases.ToDictionary(c => c.Id, c => c.Version);
        var events = new List<(Complaint Case, ComplaintEvent Event)>();
        foreach (var complaint in complaints)
        {
            // The version the manager saw, not the one just read, is what the UPDATE must still find.
            db.Entry(complaint).Property(c => c.Version).OriginalValue = expected[complaint.Id];
            if (complaint.Version != expected[complaint.Id])
            {
                return new ReassignResult(0, "stale");
            }

            try
            {
                events.Add((complaint, complaint.Reassign(actorId, request.DeskId, request.OperatorId, request.Reason.Trim(), now)));
            }
            catch (DomainException e)
            {
                return new ReassignResult(0, e.Code);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReassignResult(0, "stale");
        }

        feed.Publish(events.Select(e => LiveEvent.From(e.Case, e.Event)).ToList());
        return new ReassignResult(complaints.Count, null);
    }

    public async Task<CaseDetail?> GetCaseAsync(string trackingCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Complaints.AsNoTracking().Include(x => x.Agency).Include(x => x.Desk)
            .FirstOrDefaultAsync(x => x.TrackingCode == trackingCode, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var events = await db.ComplaintEvents.AsNoTracking().Where(e => e.ComplaintId == c.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().ToDictionaryAsync(d => d.Id, d => BoardFormat.Name(d.NameFa, d.NameEn), cancellationToken);
        var userIds = events.Select(e => e.Actor).Append(c.AssignedOperatorId).OfType<string>().ToHashSet();
        foreach (var e in events.Where(e => e.Kind == ComplaintEventKind.Reassigned))
        {
            var (_, fromOp, _, toOp) = ReassignmentMove.Read(e.Data);
            userIds.UnionWith(new[] { fromOp, toOp }.OfType<string>());
        }

        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Person(string? id) => id is null ? "" : names.GetValueOrDefault(id, id);
        string? Desk(int? id) => id is { } d ? desks.GetValueOrDefault(d, d.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

        var timeline = events.Select(e =>
        {
            var (fromDesk, fromOp, toDesk, toOp) = e.Kind == ComplaintEventKind.Reassigned ? ReassignmentMove.Read(e.Data) : default;
            return new TimelineEntry(
                e.Id, e.At, e.Kind, Person(e.Actor), e.Reason,
                Desk(fromDesk), fromOp is null ? null : Person(fromOp), Desk(toDesk), toOp is null ? null : Person(toOp));
        }).ToList();

        return new CaseDetail(
            c.Id, c.TrackingCode, c.Kind, c.Channel, c.Subject, c.Description,
            BoardFormat.Name(c.Agency!.NameFa, c.Agency.NameEn), c.Agency.Layer, BoardFormat.Name(c.Desk!.NameFa, c.Desk.NameEn),
            c.AssignedOperatorId is null ? null : Person(c.AssignedOperatorId),
            c.Status, c.ReceivedAt, c.ResponseDueAt, c.FirstResponseAt, c.ClosedAt, c.OverdueLevel,
            c.ComplainantName is not null || c.NationalCode is not null || c.Mobile is not null,
            timeline);
    }

    private IQueryable<Complaint> Filtered(ComplaintsDbContext db, CaseFilter filter)
    {
        var query = db.Complaints.AsNoTracking();
        var code = TrackingCodes.Normalize(filter.Search);
        var key = PersianText.SearchKey(filter.Search);
        if (code is not null && db.Complaints.Any(c => c.TrackingCode == code))
        {
            // A tracking code finds its case whatever its state.
            return query.Where(c => c.TrackingCode == code);
        }

        query = query.Where(c => c.Status != ComplaintStatus.Closed);
        if (key.Length > 0)
        {
            query = query.Where(c => c.SearchKey.Contains(key));
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(c => c.AgencyId == agency);
        }

        if (filter.Layer is { } layer)
        {
            query = query.Where(c => c.Agency!.Layer == layer);
        }

        if (filter.DeskId is { } desk)
        {
            query = query.Where(c => c.DeskId == desk);
        }

        if (filter.MinLevel is > 0 and var level)
        {
            query = query.Where(c => c.OverdueLevel >= level);
        }

        if (filter.MinAgeDays is > 0 and var days)
        {
            var before = Now - Duration.FromDays(days);
            query = query.Where(c => c.ReceivedAt <= before);
        }

        if (!string.IsNullOrEmpty(filter.OperatorId))
        {
            query = query.Where(c => c.AssignedOperatorId == filter.OperatorId);
        }

        return query;
    }

    private static IQueryable<RawRow> Project(ComplaintsDbContext db, IQueryable<Complaint> query) =>
        from c in query
        join u in db.Users on c.AssignedOperatorId equals u.Id into assigned
        from u in assigned.DefaultIfEmpty()
        select new RawRow(
            c.Id, c.Version, c.TrackingCode, c.Subject, c.Agency!.NameFa, c.Agency.NameEn, c.Agency.Layer, c.DeskId, c.Desk!.NameFa, c.Desk.NameEn,
            c.AssignedOperatorId, u == null ? null : u.DisplayName, c.Status, c.ReceivedAt, c.ResponseDueAt, c.OverdueLevel);

    private static CaseRow ToRow(RawRow r) => new(
        r.Id, r.Version, r.TrackingCode, r.Subject, BoardFormat.Name(r.AgencyFa, r.AgencyEn), r.Layer, r.DeskId, BoardFormat.Name(r.DeskFa, r.DeskEn),
        r.OperatorId, r.OperatorName, r.Status, r.ReceivedAt, r.ResponseDueAt, r.OverdueLevel);

    private sealed record RawRow(
        long Id, long Version, string TrackingCode, string Subject, string AgencyFa, string AgencyEn, Layer Layer, int DeskId, string DeskFa, string DeskEn,
        string? OperatorId, string? OperatorName, ComplaintStatus Status, Instant ReceivedAt, Instant ResponseDueAt, int OverdueLevel);
}
