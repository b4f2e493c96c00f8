using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Desks;

public sealed class DeskServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private IServiceProvider Services => app.Services;

    private DeskService Desks => Services.GetRequiredService<DeskService>();

    [Fact]
    public async Task ClaimAsync_OneThousandRandomisedDoubleClaims_ExactlyOneWinnerEach()
    {
        var outcomes = await ClaimRace.RunAsync(Services, 1000, seed: 1405);

        await ClaimRace.AssertOneWinnerEachAsync(Services, outcomes);
    }

    [Fact]
    public async Task Actions_OperatorOfDesk_EachWritesItsTimelineEventAndPublishes()
    {
        var c = await TestComplaints.FileAsync(Services);
        var op = await TestComplaints.AccessAsync(Services, "operator1");
        var seen = new List<ComplaintEventKind>();
        var done = new TaskCompletionSource();
        using var sub = Services.GetRequiredService<ComplaintConsole.Realtime.LiveFeed>().Subscribe(
            e =>
            {
                lock (seen)
                {
                    seen.Add(e.Kind);
                    if (e.Kind == ComplaintEventKind.Closed)
                    {
                        done.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            },
            e => e.ComplaintId == c.Id);

        Assert.True((await Desks.ClaimAsync(op, c.TrackingCode)).Succeeded);
        Assert.True((await Desks.RespondAsync(op, c.TrackingCode, "phone-call", "با شهروند تماس گرفته شد")).Succeeded);
        Assert.True((await Desks.AddNoteAsync(op, c.TrackingCode, "پیگیری از منطقه ۶")).Succeeded);
        Assert.True((await Desks.ReferAsync(op, c.TrackingCode, "نیاز به پاسخ کتبی شهرداری")).Succeeded);
        Assert.True((await Desks.CloseAsync(op, c.TrackingCode, "رفع مشکل: پروانه صادر شد")).Succeeded);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var view = await Desks.GetCaseAsync(op, c.TrackingCode);
        ComplaintEventKind[] expected =
        [
            ComplaintEventKind.Received, ComplaintEventKind.Claimed, ComplaintEventKind.Responded, ComplaintEventKind.NoteAdded,
            ComplaintEventKind.Referred, ComplaintEventKind.Closed,
        ];
        Assert.Equal(expected, view!.Timeline.Select(t => t.Kind));
        Assert.Equal(expected[1..], seen);
    }

    [Fact]
    public async Task Actions_OperatorOfOtherDesk_SeesNothingAndChangesNothing()
    {
        var c = await TestComplaints.FileAsync(Services);
        var healthOperator = await TestComplaints.AccessAsync(Services, "operator3");

        var claim = await Desks.ClaimAsync(healthOperator, c.TrackingCode);
        var view = await Desks.GetCaseAsync(healthOperator, c.TrackingCode);
        var events = await Desks.EventsAfterAsync(healthOperator, 0, 500);

        Assert.Equal("not-found", claim.Error);
        Assert.Null(view);
        Assert.DoesNotContain(events, e => e.ComplaintId == c.Id);
    }

    [Fact]
    public async Task Actions_Supervisor_ReadsButCannotAct()
    {
        var c = await TestComplaints.FileAsync(Services);
        var supervisor = await TestComplaints.AccessAsync(Services, "supervisor");

        var view = await Desks.GetCaseAsync(supervisor, c.TrackingCode);
        var claim = await Desks.ClaimAsync(supervisor, c.TrackingCode);
        var note = await Desks.AddNoteAsync(supervisor, c.TrackingCode, "یادداشت");

        Assert.NotNull(view);
        Assert.False(view.CanAct);
        Assert.False(view.CanReveal);
        Assert.Equal("forbidden", claim.Error);
        Assert.Equal("forbidden", note.Error);
    }

    [Fact]
    public async Task Actions_Manager_ActsOnAnyDesk()
    {
        var c = await TestComplaints.FileAsync(Services, agencyCode: "tums");
        var manager = await TestComplaints.AccessAsync(Services, "manager");

        var claim = await Desks.ClaimAsync(manager, c.TrackingCode);
        var note = await Desks.AddNoteAsync(manager, c.TrackingCode, "بررسی مدیر بازرسی");

        Assert.True(claim.Succeeded);
        Assert.True(note.Succeeded);
    }

    [Fact]
    public async Task RevealPersonalData_AssignedOperator_ReturnsValuesAndRecordsTheViewing()
    {
        var c = await TestComplaints.FileAsync(Services, nationalCode: "0012345678", mobile: "+989121234567");
        var op = await TestComplaints.AccessAsync(Services, "operator2");
        var colleague = await TestComplaints.AccessAsync(Services, "operator1");
        await Desks.ClaimAsync(op, c.TrackingCode);

        var byColleague = await Desks.RevealPersonalDataAsync(colleague, c.TrackingCode);
        var revealed = await Desks.RevealPersonalDataAsync(op, c.TrackingCode);
        var view = await Desks.GetCaseAsync(op, c.TrackingCode);

        Assert.Null(byColleague);
        Assert.Equal("0012345678", revealed!.NationalCode);
        Assert.Equal("09121234567", revealed.Mobile);
        Assert.Equal("•••••••678", view!.NationalCodeMasked);
        Assert.Equal("0912•••4567", view.MobileMasked);
        var viewed = Assert.Single(view.Timeline, t => t.Kind == ComplaintEventKind.PersonalDataViewed);
        Assert.Equal(op.UserId, viewed.Actor);
    }

    [Fact]
    public async Task ClaimNextAsync_TakesTheOldestWaitingCaseOfTheDesk()
    {
        var older = await TestComplaints.FileAsync(Services, agencyCode: "tehran-gas", receivedAt: NodaTime.Instant.FromUtc(2026, 12, 1, 6, 0));
        await TestComplaints.FileAsync(Services, agencyCode: "tehran-gas", receivedAt: NodaTime.Instant.FromUtc(2026, 12, 2, 6, 0));
        var op5 = await TestComplaints.AccessAsync(Services, "operator5");

        var result = await Desks.ClaimNextAsync(op5, older.DeskId);

        Assert.Equal(older.TrackingCode, result.TrackingCode);
    }

    [Fact]
    public async Task Shift_StartAndPresence_StoredAndPublishedForSupervisors()
    {
        var op = await TestComplaints.AccessAsync(Services, "operator4");
        var changes = new List<PresenceChange>();
        var board = Services.GetRequiredService<PresenceBoard>();
        void OnChanged(PresenceChange c) => changes.Add(c);
        board.Changed += OnChanged;
        var health = op.DeskIds.Single();

        await Desks.StartShiftAsync(op, health);
        await Desks.SetPresenceAsync(op, Presence.OnBreak);
        var shift = await Desks.GetShiftAsync(op);
        var load = await Desks.LoadAsync(await TestComplaints.AccessAsync(Services, "supervisor"));
        board.Changed -= OnChanged;

        Assert.Equal(Presence.OnBreak, shift!.Presence);
        Assert.Equal([Presence.Available, Presence.OnBreak], changes.Where(c => c.UserId == op.UserId).Select(c => c.Presence));
        Assert.Contains(load.Single(l => l.DeskId == health).Operators, o => o.UserId == op.UserId && o.Presence == Presence.OnBreak);
    }

    [Fact]
    public async Task StartShift_DeskTheOperatorDoesNotBelongTo_Forbidden()
    {
        var op = await TestComplaints.AccessAsync(Services, "operator1");
        var desks = await Desks.DesksForAsync(await TestComplaints.AccessAsync(Services, "manager"));
        var health = desks.Single(d => d.Code == "health").Id;

        var result = await Desks.StartShiftAsync(op, health);

        Assert.Equal("forbidden", result.Error);
    }
}
