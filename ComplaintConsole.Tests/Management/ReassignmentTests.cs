using System.Security.Cryptography;
using System.Text.Json;
using ComplaintConsole.Domain;
using ComplaintConsole.Management;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Board;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Management;

public sealed class ReassignmentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ManagementService Service => app.Services.GetRequiredService<ManagementService>();

    [Fact]
    public async Task Reassign_OverdueCase_MovesKeepsDeadlineAndRecordsWhoWhenFromToWhy()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(3), operatorUser: "operator1", overdueLevel: 1);
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        var operator2 = await BoardTestData.UserIdAsync(app, "operator2");
        var operator1 = await BoardTestData.UserIdAsync(app, "operator1");
        var published = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<LiveFeed>().Subscribe(
            e => { published.TrySetResult(e); return Task.CompletedTask; }, e => e.ComplaintId == c.Id && e.Kind == ComplaintEventKind.Reassigned);

        var result = await Service.ReassignAsync(manager, [new(c.Id, c.Version)], new ReassignRequest(c.DeskId, operator2, "بار کاری اپراتور اول زیاد است"));

        Assert.True(result.Succeeded);
        var after = await BoardTestData.LoadAsync(app, c.TrackingCode);
        Assert.Equal(operator2, after.AssignedOperatorId);
        Assert.Equal(c.ResponseDueAt, after.ResponseDueAt);
        var move = Assert.Single(after.Events, e => e.Kind == ComplaintEventKind.Reassigned);
        Assert.Equal(manager, move.Actor);
        Assert.Equal(now, move.At);
        Assert.Equal("بار کاری اپراتور اول زیاد است", move.Reason);
        using var data = JsonDocument.Parse(move.Data!);
        Assert.Equal(operator1, data.RootElement.GetProperty("from").GetProperty("operatorId").GetString());
        Assert.Equal(operator2, data.RootElement.GetProperty("to").GetProperty("operatorId").GetString());
        Assert.Equal(operator2, (await published.Task.WaitAsync(TimeSpan.FromSeconds(10))).AssignedOperatorId);
    }

    [Fact]
    public async Task Reassign_BatchWithOneStaleCase_FailsAndMovesNothing()
    {
        var now = BoardTestData.Now(app);
        var a = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2), operatorUser: "operator1", overdueLevel: 1);
        var b = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2), overdueLevel: 1);
        var stale = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2), overdueLevel: 1);
        await ClaimAsync(stale.Id, "operator2");
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        var health = await BoardTestData.DeskIdAsync(app, "health");

        var result = await Service.ReassignAsync(
            manager, [new(a.Id, a.Version), new(b.Id, b.Version), new(stale.Id, stale.Version)], new ReassignRequest(health, null, "انتقال گروهی به میز سلامت"));

        Assert.False(result.Succeeded);
        Assert.Equal("stale", result.Error);
        foreach (var code in new[] { a.TrackingCode, b.TrackingCode, stale.TrackingCode })
        {
            var after = await BoardTestData.LoadAsync(app, code);
            Assert.NotEqual(health, after.DeskId);
            Assert.DoesNotContain(after.Events, e => e.Kind == ComplaintEventKind.Reassigned);
        }
    }

    [Fact]
    public async Task Reassign_CaseClaimedAfterTheManagerSawIt_FailsCleanly()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2), overdueLevel: 1);
        var seen = new CaseVersion(c.Id, c.Version);
        await ClaimAsync(c.Id, "operator1");
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        var operator2 = await BoardTestData.UserIdAsync(app, "operator2");

        var result = await Service.ReassignAsync(manager, [seen], new ReassignRequest(c.DeskId, operator2, "انتقال به اپراتور دوم"));

        Assert.Equal("stale", result.Error);
        var after = await BoardTestData.LoadAsync(app, c.TrackingCode);
        Assert.Equal(await BoardTestData.UserIdAsync(app, "operator1"), after.AssignedOperatorId);
    }

    [Fact]
    public async Task Claim_RacingWithACommittedReassignment_LosesWithConcurrencyError()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2), overdueLevel: 1);
        var operator1 = await BoardTestData.UserIdAsync(app, "operator1");
        var operator2 = await BoardTestData.UserIdAsync(app, "operator2");
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        await using var claimer = await BoardTestData.Factory(app).CreateDbContextAsync();
        var loaded = await claimer.Complaints.SingleAsync(x => x.Id == c.Id);
        loaded.Claim(operator1, now);

        var moved = await Service.ReassignAsync(manager, [new(c.Id, c.Version)], new ReassignRequest(c.DeskId, operator2, "انتقال به اپراتور دوم"));

        Assert.True(moved.Succeeded);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => claimer.SaveChangesAsync());
        Assert.Equal(operator2, (await BoardTestData.LoadAsync(app, c.TrackingCode)).AssignedOperatorId);
    }

    [Fact]
    public async Task Reassign_OperatorNotOnTargetDesk_IsRefused()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(2));
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        var operator3 = await BoardTestData.UserIdAsync(app, "operator3");

        var result = await Service.ReassignAsync(manager, [new(c.Id, c.Version)], new ReassignRequest(c.DeskId, operator3, "اپراتور میز دیگر"));

        Assert.Equal("operator-not-on-desk", result.Error);
    }

    [Fact]
    public async Task Reveal_PersonalData_IsRecordedInTheTimeline()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(1));
        var manager = await BoardTestData.UserIdAsync(app, "manager");
        var access = await ComplaintConsole.Tests.Desks.TestComplaints.AccessAsync(app.Services, "manager");

        var data = await app.Services.GetRequiredService<ComplaintConsole.Desks.DeskService>().RevealPersonalDataAsync(access, c.TrackingCode);

        Assert.NotNull(data);
        var after = await BoardTestData.LoadAsync(app, c.TrackingCode);
        var viewed = Assert.Single(after.Events, e => e.Kind == ComplaintEventKind.PersonalDataViewed);
        Assert.Equal(manager, viewed.Actor);
    }

    [Fact]
    public async Task List_SearchWithArabicYehKafAndZwnj_FindsThePersianText()
    {
        var now = BoardTestData.Now(app);
        var c = await BoardTestData.AddCaseAsync(app, Code(), now, Duration.FromDays(1), subject: "کیفیت نامطلوب خدمات بیمه‌ای");

        // Arabic Kaf (ك) and Yeh (ي), no ZWNJ in "بیمه‌ای".
        var list = await Service.ListAsync(new CaseFilter { Search = "كيفيت نامطلوب خدمات بيمهاي" }, 0, 50);

        Assert.Contains(list.Rows, r => r.TrackingCode == c.TrackingCode);
    }

    private async Task ClaimAsync(long id, string userName)
    {
        await using var db = await BoardTestData.Factory(app).CreateDbContextAsync();
        var c = await db.Complaints.SingleAsync(x => x.Id == id);
        c.Claim(await BoardTestData.UserIdAsync(app, userName), BoardTestData.Now(app));
        await db.SaveChangesAsync();
    }

    private static string Code() => "T" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
