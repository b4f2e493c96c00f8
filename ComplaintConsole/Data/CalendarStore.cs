using System.Collections.Frozen;
using ComplaintConsole.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Data;

/// <summary>
/// The working-time engines of all calendars, loaded once and rebuilt after any calendar change
/// (<see cref="Invalidate"/>). Intake, the sweep and the UI read deadlines through it without touching the database.
/// </summary>
public sealed class CalendarStore(IDbContextFactory<ComplaintsDbContext> dbFactory) : IDisposable
{
    private volatile Snapshot? _snapshot;
    private int _generation;
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    public sealed record Snapshot(
        FrozenDictionary<int, WorkingCalendar> ById,
        FrozenDictionary<string, int> IdByCode,
        FrozenDictionary<int, int> CalendarIdByDesk);

    public async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null)
        {
            return snapshot;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded)
            {
                return loaded;
            }

            // A change committed while this load was reading (Invalidate ran meanwhile) must not be hidden behind the
            // stale result: it is returned to this caller, who asked before the change, but not kept.
            var generation = Volatile.Read(ref _generation);
            var fresh = await LoadAsync(cancellationToken);
            if (generation == Volatile.Read(ref _generation))
            {
                _snapshot = fresh;
            }

            return fresh;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    public async Task<WorkingCalendar?> ByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        var s = await GetSnapshotAsync(cancellationToken);
        return s.IdByCode.TryGetValue(code, out var id) ? s.ById[id] : null;
    }

    public async Task<WorkingCalendar> ByIdAsync(int calendarId, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ById[calendarId];

    public async Task<WorkingCalendar> ForDeskAsync(int deskId, CancellationToken cancellationToken = default)
    {
        var s = await GetSnapshotAsync(cancellationToken);
        return s.ById[s.CalendarIdByDesk[deskId]];
    }

    public void Dispose() => _loadLock.Dispose();

    /// <summary>Call after a calendar, holiday, closure or desk changed; the next read reloads.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendars = await db.Calendars.AsNoTracking().AsSplitQuery()
            .Include(c => c.Schedules).ThenInclude(s => s.Ranges)
            .Include(c => c.Holidays)
            .Include(c => c.Closures)
            .ToListAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking().Select(d => new { d.Id, d.CalendarId }).ToListAsync(cancellationToken);
        return new Snapshot(
            calendars.ToFrozenDictionary(c => c.Id, c => c.ToWorkingCalendar()),
            calendars.ToFrozenDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase),
            desks.ToFrozenDictionary(d => d.Id, d => d.CalendarId));
    }
}
