using System.Collections.Frozen;
using ComplaintConsole.Domain;
using ComplaintConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Intake;

/// <summary>
/// Agencies (with their routing to desks), desks and categories as intake reads them on every request: loaded once
/// and kept for a short while, so a change made by an administrator is picked up within <see cref="MaxAge"/>, or at
/// once after <see cref="Invalidate"/>.
/// </summary>
public sealed class IntakeCatalog(IDbContextFactory<ComplaintsDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private volatile Snapshot? _snapshot;

    // Bumped by Invalidate, so that a load which read the database before a change cannot cache its stale result.
    private int _generation;

    public sealed record AgencyEntry(string Code, string NameFa, string NameEn, Layer Layer, bool Active, int Id, int DeskId)
    {
        /// <summary>Normalised names and code, for the searchable agency picker.</summary>
        public string SearchKey { get; } = PersianText.SearchKey(NameFa, NameEn, Code);
    }

    public sealed record DeskEntry(int Id, string Code, string NameFa, string NameEn);

    public sealed record CategoryEntry(string Code, string NameFa, string NameEn, int SortOrder);

    public sealed class Snapshot(IEnumerable<AgencyEntry> agencies, IEnumerable<DeskEntry> desks, IEnumerable<CategoryEntry> categories, DateTimeOffset loadedAt)
    {
        private readonly FrozenDictionary<string, AgencyEntry> _agencies = agencies.ToFrozenDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        private readonly FrozenDictionary<int, AgencyEntry> _agenciesById = agencies.ToFrozenDictionary(a => a.Id);
        private readonly FrozenDictionary<int, DeskEntry> _desks = desks.ToFrozenDictionary(d => d.Id);
        private readonly FrozenDictionary<string, CategoryEntry> _categories = categories.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset LoadedAt { get; } = loadedAt;

        /// <summary>Active agencies by layer (provincial, regional, national), then by Persian name.</summary>
        public IReadOnlyList<AgencyEntry> Agencies { get; } = agencies.Where(a => a.Active)
            .OrderBy(a => a.Layer).ThenBy(a => a.NameFa, StringComparer.Ordinal).ToArray();

        public IReadOnlyList<CategoryEntry> Categories { get; } = categories.OrderBy(c => c.SortOrder).ToArray();

        public AgencyEntry? Agency(string code) => _agencies.GetValueOrDefault(code);

        /// <summary>Any agency, active or not: cases filed before an agency was deactivated still name it.</summary>
        public AgencyEntry? AgencyById(int id) => _agenciesById.GetValueOrDefault(id);

        public CategoryEntry? Category(string code) => _categories.GetValueOrDefault(code);

        public DeskEntry Desk(int id) => _desks[id];

        /// <summary>Agencies whose names or code contain every word of the query (normalised like search keys).</summary>
        public IEnumerable<AgencyEntry> SearchAgencies(string? query)
        {
            var words = PersianText.SearchKey(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Agencies.Where(a => words.All(w => a.SearchKey.Contains(w, StringComparison.Ordinal)));
        }
    }

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt >= MaxAge)
            {
                var generation = Volatile.Read(ref _generation);
                snapshot = await LoadAsync(cancellationToken);
                if (generation == Volatile.Read(ref _generation))
                {
                    _snapshot = snapshot;
                }
            }

            return snapshot;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    /// <summary>Call after agencies, desks or categories changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public void Dispose() => _loadLock.Dispose();

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new AgencyEntry(a.Code, a.NameFa, a.NameEn, a.Layer, a.Active, a.Id, a.DeskId))
            .ToListAsync(cancellationToken);
        var desks = await db.Desks.AsNoTracking()
            .Select(d => new DeskEntry(d.Id, d.Code, d.NameFa, d.NameEn))
            .ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new CategoryEntry(c.Code, c.NameFa, c.NameEn, c.SortOrder))
            .ToListAsync(cancellationToken);
        return new Snapshot(agencies, desks, categories, clock.GetUtcNow());
    }
}
