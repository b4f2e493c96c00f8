using ComplaintConsole.Data;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// Not ComplaintConsole.Tests.Data: that namespace would hide ComplaintConsole.Data from every test namespace (Data.Seed...).
namespace ComplaintConsole.Tests.Persistence;

/// <summary>
/// The same checks on every live provider (SQLite file, PostgreSQL server), run against the app's own services so that
/// migrations and the demo seed go through the real start-up path.
/// </summary>
internal static class DatabaseChecks
{
    public static async Task MigratedAndSeededAsync(IServiceProvider services, DatabaseProvider expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);

        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        var calendars = await db.Calendars.Include(c => c.Holidays).OrderBy(c => c.Code).ToListAsync(ct);
        var layers = await db.Agencies.Select(a => a.Layer).Distinct().ToListAsync(ct);

        Assert.Equal(expected, db.Provider);
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(pending);
        Assert.Equal([DemoData.HeadquartersCalendar, DemoData.CountiesCalendar], calendars.Select(c => c.Code).Order().Reverse());
        Assert.All(calendars, c => Assert.Equal(OfficialHolidays.Load().Count, c.Holidays.Count));
        Assert.Equal(4, await db.Desks.CountAsync(ct));
        Assert.True(await db.Agencies.CountAsync(ct) >= 20);
        Assert.Equal([Layer.Provincial, Layer.Regional, Layer.National], layers.Order());

        // A second seed finds the data and adds nothing.
        await using var scope = services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(ct));
    }

    /// <summary>The stored calendars, read back through the app's CalendarStore, still give DESIGN's answers.</summary>
    public static async Task StoredCalendarsGiveDesignDeadlinesAsync(IServiceProvider services)
    {
        var ct = TestContext.Current.CancellationToken;
        var store = services.GetRequiredService<CalendarStore>();
        store.Invalidate();

        var headquarters = await store.ByCodeAsync(DemoData.HeadquartersCalendar, ct);
        var counties = await store.ByCodeAsync(DemoData.CountiesCalendar, ct);

        Assert.NotNull(headquarters);
        Assert.NotNull(counties);
        var tehran = headquarters.Zone;
        Instant At(int y, int m, int d, int h, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(tehran).ToInstant();
        Assert.Equal(At(2026, 12, 26, 7, 30), headquarters.ResponseDue(At(2026, 12, 22, 10)));
        Assert.Equal(At(2027, 3, 27, 7, 30), headquarters.ResponseDue(At(2027, 3, 17, 10)));
        Assert.Equal(At(2026, 12, 10, 7, 30), counties.ResponseDue(At(2026, 12, 9, 10)));
        Assert.Contains(counties.Holidays, h => h.Date == new LocalDate(2028, 2, 17) && h.Tentative);
    }

    /// <summary>
    /// Two operators load the same case and both claim it: the first save wins, the second gets a concurrency
    /// exception and writes nothing (neither the row nor its timeline entry).
    /// </summary>
    public static async Task SecondClaimOfSameVersionFailsAsync(IServiceProvider services)
    {
        var ct = TestContext.Current.CancellationToken;
        var factory = services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        var now = Instant.FromUtc(2026, 12, 5, 6, 30);
        var id = await AddComplaintAsync(factory, now, ct);

        await using var first = await factory.CreateDbContextAsync(ct);
        await using var second = await factory.CreateDbContextAsync(ct);
        var mine = await first.Complaints.SingleAsync(c => c.Id == id, ct);
        var theirs = await second.Complaints.SingleAsync(c => c.Id == id, ct);
        var loadedVersion = mine.Version;
        mine.Claim("operator-a", now);
        theirs.Claim("operator-b", now);

        await first.SaveChangesAsync(ct);
        var act = () => second.SaveChangesAsync(ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(act);
        await using var check = await factory.CreateDbContextAsync(ct);
        var stored = await check.Complaints.Include(c => c.Events).SingleAsync(c => c.Id == id, ct);
        Assert.Equal("operator-a", stored.AssignedOperatorId);
        Assert.Single(stored.Events, e => e.Kind == ComplaintEventKind.Claimed);
        Assert.NotEqual(loadedVersion, stored.Version);
    }

    private static async Task<long> AddComplaintAsync(IDbContextFactory<ComplaintsDbContext> factory, Instant now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync(ct);
        var desk = await db.Desks.OrderBy(d => d.Id).FirstAsync(ct);
        var complaint = new Complaint
        {
            TrackingCode = "T" + Guid.NewGuid().ToString("N")[..12],
            CategoryCode = "delay",
            Subject = "تأخیر در صدور پروانه",
            Description = "پرونده از سه ماه پیش بدون پاسخ مانده است.",
            AgencyId = agency.Id,
            DeskId = desk.Id,
            ReceivedAt = now,
            BusinessDayOfReceipt = new LocalDate(2026, 12, 5),
            ResponseDueAt = now + Duration.FromDays(1),
            NextEscalationAt = now + Duration.FromDays(1),
        };
        complaint.Append(ComplaintEventKind.Received, "citizen", now);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return complaint.Id;
    }
}
