using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Tests.Sla;

/// <summary>
/// The app on its own SQLite file with the demo world, the fake clock, and the SLA triggers off unless asked for, so
/// that tests call the services directly. Helpers add cases and read them back with their timelines.
/// </summary>
public sealed class SlaHost : IAsyncDisposable
{
    private SlaHost(AppFactory factory) => Factory = factory;

    public AppFactory Factory { get; }

    public FakeTimeProvider Clock => Factory.Clock;

    public IServiceProvider Services => Factory.Services;

    public Instant Now => Clock.GetUtcNow().ToInstant();

    public static SlaHost Start(bool scheduler = false, string? databasePath = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new AppFactory();
        factory.Settings["Sla:SchedulerEnabled"] = scheduler ? "true" : "false";
        if (databasePath is not null)
        {
            factory.Settings["ConnectionStrings:Complaints"] = $"Data Source={databasePath}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        _ = factory.Services; // starts the host: migrations, demo seed, hosted services
        return new SlaHost(factory);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Moves the fake clock forward to a local Tehran time.</summary>
    public void SetLocal(int year, int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(TestCalendars.At(year, month, day, hour, minute).ToDateTimeOffset());

    public void Set(Instant instant) => Clock.SetUtcNow(instant.ToDateTimeOffset());

    public async Task<ComplaintsDbContext> DbAsync() =>
        await Get<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync();

    public async Task<int> CalendarIdAsync(string code = DemoData.HeadquartersCalendar)
    {
        await using var db = await DbAsync();
        return await db.Calendars.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Files cases received at a local Tehran time on a desk, with deadlines from its calendar.</summary>
    public async Task<long[]> AddCasesAsync(Instant receivedAt, int count = 1, string desk = "urban")
    {
        await using var db = await DbAsync();
        var deskRow = await db.Desks.SingleAsync(d => d.Code == desk);
        var agencyId = await db.Agencies.Where(a => a.DeskId == deskRow.Id).Select(a => a.Id).FirstAsync();
        var calendar = await Get<CalendarStore>().ForDeskAsync(deskRow.Id);
        var cases = new List<Complaint>();
        for (var i = 0; i < count; i++)
        {
            var complaint = new Complaint
            {
                TrackingCode = $"T{Guid.NewGuid():N}"[..16],
                Kind = ComplaintKind.Complaint,
                Channel = Channel.Web,
                AgencyId = agencyId,
                DeskId = deskRow.Id,
                CategoryCode = "other",
                Subject = "subject",
                Description = "description",
                ReceivedAt = receivedAt,
            };
            complaint.ApplyDeadline(calendar.Compute(receivedAt));
            complaint.Append(ComplaintEventKind.Received, "citizen", receivedAt);
            cases.Add(complaint);
        }

        db.Complaints.AddRange(cases);
        await db.SaveChangesAsync();
        return cases.Select(c => c.Id).ToArray();
    }

    public async Task<Complaint> CaseAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Complaints.AsNoTracking().Include(c => c.Events.OrderBy(e => e.Id)).SingleAsync(c => c.Id == id);
    }

    public async Task<List<Complaint>> CasesAsync(IReadOnlyCollection<long> ids)
    {
        await using var db = await DbAsync();
        return await db.Complaints.AsNoTracking().Include(c => c.Events.OrderBy(e => e.Id))
            .Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
    }

    public async Task<WorkingCalendar> CalendarAsync(string code)
    {
        var id = await CalendarIdAsync(code);
        return (await Get<CalendarStore>().GetSnapshotAsync()).ById[id];
    }

    public async Task<int> EventCountAsync(ComplaintEventKind kind)
    {
        await using var db = await DbAsync();
        return await db.ComplaintEvents.CountAsync(e => e.Kind == kind);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the timeout passed (for work on Quartz's own threads).</summary>
    public async Task<bool> WaitForAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Collects live events until <paramref name="count"/> matching ones arrived or the timeout passed.</summary>
    public async Task<IReadOnlyList<LiveEvent>> LiveEventsAsync(Func<LiveEvent, bool> filter, int count, Func<Task> act, TimeSpan? timeout = null)
    {
        var received = new List<LiveEvent>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Get<LiveFeed>().Subscribe(
            e =>
            {
                lock (received)
                {
                    received.Add(e);
                    if (received.Count >= count)
                    {
                        done.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            },
            filter);
        await act();
        await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
        lock (received)
        {
            return received.ToArray();
        }
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
