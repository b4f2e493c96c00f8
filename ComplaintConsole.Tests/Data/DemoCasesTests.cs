using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Identity;
using ComplaintConsole.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Extensions;

// Not ComplaintConsole.Tests.Data: that namespace would hide ComplaintConsole.Data from every test namespace (Data.Seed...).
namespace ComplaintConsole.Tests.Persistence;

/// <summary>The app with the demo cases turned on (Sat 2026-12-05 10:00 Tehran): what someone picking it up sees.</summary>
public sealed class DemoCasesTests(DemoCasesTests.DemoCasesApp app) : IClassFixture<DemoCasesTests.DemoCasesApp>
{
    public sealed class DemoCasesApp : AppFactory
    {
        public DemoCasesApp() => Settings["Database:SeedDemoCases"] = "true";
    }

    [Fact]
    public async Task StartUp_EmptyDatabase_SeedsAMonthOfCasesForEveryAgency()
    {
        await using var db = await DbAsync();

        var cases = await db.Complaints.AsNoTracking().ToListAsync(Ct);
        var agencies = await db.Agencies.Select(a => a.Id).ToListAsync(Ct);

        Assert.InRange(cases.Count, 400, 600);
        Assert.All(agencies, a => Assert.Contains(cases, c => c.AgencyId == a));
        var now = app.Clock.GetUtcNow().ToInstant();
        Assert.All(cases, c => Assert.InRange(c.ReceivedAt, now - NodaTime.Duration.FromDays(28), now));
        Assert.Contains(cases, c => c.Kind == ComplaintKind.Report && c.ComplainantName is null && c.Mobile is null && c.NationalCode is null);
        Assert.All(cases.Where(c => c.NationalCode is not null), c => Assert.True(PersianText.IsValidNationalCode(c.NationalCode!)));
        Assert.All(cases.Where(c => c.Mobile is not null), c => Assert.Equal(c.Mobile, PersianText.NormalizeMobile(c.Mobile)));
        Assert.Equal([Channel.Web, Channel.Phone, Channel.Api], cases.Select(c => c.Channel).Distinct().Order());
    }

    [Fact]
    public async Task StartUp_EveryDeskWithOperators_HasAQueueAndClaimedCases()
    {
        await using var db = await DbAsync();
        var operatorNames = DemoAccounts.Accounts.Where(a => a.Role == Roles.Operator).Select(a => a.UserName).ToArray();
        var members = await (
            from m in db.DeskMembers
            join u in db.Users on m.UserId equals u.Id
            where operatorNames.Contains(u.UserName!)
            select new { m.DeskId, u.Id }).ToListAsync(Ct);

        var open = await db.Complaints.AsNoTracking().Where(c => c.Status != ComplaintStatus.Closed)
            .Select(c => new { c.DeskId, c.AssignedOperatorId }).ToListAsync(Ct);

        Assert.NotEmpty(members);
        foreach (var desk in members.GroupBy(m => m.DeskId))
        {
            var operators = desk.Select(m => m.Id).ToHashSet();
            Assert.Contains(open, c => c.DeskId == desk.Key && c.AssignedOperatorId is null);
            Assert.Contains(open, c => c.DeskId == desk.Key && c.AssignedOperatorId is not null && operators.Contains(c.AssignedOperatorId));
        }
    }

    [Fact]
    public async Task StartUp_UnansweredCasesPastTheirDeadline_AreFlaggedByTheSweepWithAnOverdueEvent()
    {
        var calendars = app.Services.GetRequiredService<CalendarStore>();
        var now = app.Clock.GetUtcNow().ToInstant();
        List<Complaint> awaiting;
        await using (var db = await DbAsync())
        {
            awaiting = await db.Complaints.AsNoTracking().Where(c => c.Status != ComplaintStatus.Closed && c.FirstResponseAt == null).ToListAsync(Ct);
        }

        var expected = new Dictionary<long, int>();
        foreach (var c in awaiting)
        {
            expected[c.Id] = (await calendars.ForDeskAsync(c.DeskId, Ct)).EscalationLevel(c.ResponseDueAt, now);
        }

        var flaggedCount = expected.Count(e => e.Value > 0);

        // The start-up sweep runs on Quartz right after start: wait for it.
        await WaitUntilAsync(async db => await db.Complaints.CountAsync(c => c.OverdueLevel > 0, Ct) == flaggedCount);

        await using var check = await DbAsync();
        var flagged = await check.Complaints.AsNoTracking().Include(c => c.Events).Where(c => c.OverdueLevel > 0).ToListAsync(Ct);
        Assert.InRange(flaggedCount, 20, 100);
        Assert.All(flagged, c =>
        {
            Assert.Equal(expected[c.Id], c.OverdueLevel);
            Assert.Contains(c.Events, e => e.Kind is ComplaintEventKind.FlaggedOverdue or ComplaintEventKind.Escalated && e.Actor == "system");
        });
        Assert.Contains(flagged, c => c.Events.Any(e => e.Kind == ComplaintEventKind.FlaggedOverdue));
        Assert.All(flagged, c => Assert.InRange(c.OverdueLevel, 1, 3));
    }

    [Fact]
    public async Task StartUp_EveryCase_HasTheCalendarDeadlineAndAValidTrackingCode()
    {
        var calendars = app.Services.GetRequiredService<CalendarStore>();
        await using var db = await DbAsync();

        var cases = await db.Complaints.AsNoTracking().Include(c => c.Events).ToListAsync(Ct);

        foreach (var c in cases)
        {
            var deadline = (await calendars.ForDeskAsync(c.DeskId, Ct)).Compute(c.ReceivedAt);
            Assert.Equal(deadline.ResponseDue, c.ResponseDueAt);
            Assert.Equal(deadline.BusinessDayOfReceipt, c.BusinessDayOfReceipt);
            Assert.True(TrackingCodes.IsValid(c.TrackingCode), c.TrackingCode);
            Assert.Equal(ComplaintEventKind.Received, c.Events.MinBy(e => e.Id)!.Kind);
            Assert.Equal(PersianText.SearchKey(c.Subject, c.Description, c.ComplainantName), c.SearchKey);
        }

        Assert.Equal(cases.Count, cases.Select(c => c.TrackingCode).Distinct().Count());
    }

    [Fact]
    public async Task StartUp_SecondStartOnTheSameDatabase_AddsNothing()
    {
        List<string> before;
        await using (var db = await DbAsync())
        {
            before = await db.Complaints.OrderBy(c => c.Id).Select(c => c.TrackingCode).ToListAsync(Ct);
        }

        await using var second = new DemoCasesApp();
        second.Settings["ConnectionStrings:Complaints"] = $"Data Source={app.DatabasePath}";
        second.Settings["Sla:SchedulerEnabled"] = "false";
        var factory = second.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        await using var again = await factory.CreateDbContextAsync(Ct);

        var after = await again.Complaints.OrderBy(c => c.Id).Select(c => c.TrackingCode).ToListAsync(Ct);

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComplaintsDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync(Ct);

    private async Task WaitUntilAsync(Func<ComplaintsDbContext, Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            await using (var db = await DbAsync())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
