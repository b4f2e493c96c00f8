using System.Security.Claims;
using Bunit;
using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Identity;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace ComplaintConsole.Tests.Desks;

/// <summary>The desk and case pages rendered by bUnit over the app's real services and SQLite database.</summary>
public sealed class DeskPageTests : ComponentTestContext, IClassFixture<AppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly AppFactory _app;
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;

    public DeskPageTests(AppFactory app)
    {
        _app = app;
        _ = app.Services; // starts the host: migrations and demo seed
        Services.AddSingleton(app.Services.GetRequiredService<DeskService>());
        Services.AddSingleton(app.Services.GetRequiredService<CaseAccessResolver>());
        Services.AddSingleton(app.Services.GetRequiredService<LiveFeed>());
        Services.AddSingleton(app.Services.GetRequiredService<CircuitRegistry>());
        Services.AddScoped<CircuitLimitHandler>();
        _auth = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Queue_NewArrivalPushedByTheFeed_AppearsHighlighted()
    {
        var cut = await RenderDeskAsync("operator1");

        var c = await TestComplaints.FileAsync(_app.Services, subject: "قطع مکرر اتوبوس خط ۱۱۲");

        cut.WaitForAssertion(
            () =>
            {
                var row = cut.Find($"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}']");
                Assert.Equal("true", row.GetAttribute("data-new"));
                Assert.Contains("قطع مکرر اتوبوس خط ۱۱۲", row.TextContent);
            },
            Patience);
    }

    [Fact]
    public async Task Claim_LostToAnotherOperator_ShowsTheKindMessageAndDropsTheRow()
    {
        var cut = await RenderDeskAsync("operator1");
        var c = await TestComplaints.FileAsync(_app.Services);
        var row = $"[data-panel='queue'] tr[data-tracking-code='{c.TrackingCode}']";
        cut.WaitForElement(row, Patience);
        // The colleague claims on another node whose event has not reached this circuit yet.
        var otherNode = new DeskService(
            _app.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>(),
            new LiveFeed(NullLogger<LiveFeed>.Instance),
            new PresenceBoard(),
            _app.Services.GetRequiredService<CalendarStore>(),
            TimeProvider.System);
        Assert.True((await otherNode.ClaimAsync(await TestComplaints.AccessAsync(_app.Services, "operator2"), c.TrackingCode)).Succeeded);

        cut.Find($"{row} button[data-action='claim']").Click();

        cut.WaitForAssertion(
            () =>
            {
                Assert.Contains("همکارتان", cut.Find("[data-desk-message]").TextContent);
                Assert.Empty(cut.FindAll(row));
            },
            Patience);
    }

    [Fact]
    public async Task CasePage_Operator_PersonalDataStaysMaskedUntilRevealed()
    {
        var c = await TestComplaints.FileAsync(_app.Services, nationalCode: "0012345678", mobile: "+989121234567");
        SignInAs(await TestComplaints.AccessAsync(_app.Services, "operator1"));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();

        var unclaimed = Render<CasePage>(p => p.Add(x => x.TrackingCode, c.TrackingCode));
        unclaimed.WaitForElement("[data-field='national-code']", Patience);

        Assert.Equal("•••••••678", unclaimed.Find("[data-field='national-code']").TextContent);
        Assert.Equal("0912•••4567", unclaimed.Find("[data-field='mobile']").TextContent);
        Assert.DoesNotContain("0012345678", unclaimed.Markup);
        Assert.DoesNotContain("1234567", unclaimed.Markup);
        Assert.Empty(unclaimed.FindAll("[data-action='reveal']")); // not working the case: no reason to see it
    }

    [Fact]
    public async Task CasePage_AssignedOperatorReveals_ShownAndRecordedInTheTimeline()
    {
        var c = await TestComplaints.FileAsync(_app.Services, nationalCode: "0087654321", mobile: "+989121110000");
        var op = await TestComplaints.AccessAsync(_app.Services, "operator1");
        await _app.Services.GetRequiredService<DeskService>().ClaimAsync(op, c.TrackingCode);
        SignInAs(op);
        Render<MudPopoverProvider>();
        var cut = Render<CasePage>(p => p.Add(x => x.TrackingCode, c.TrackingCode));
        cut.WaitForElement("[data-action='reveal']", Patience);
        Assert.DoesNotContain("0087654321", cut.Markup);

        cut.Find("[data-action='reveal']").Click();

        cut.WaitForAssertion(
            () =>
            {
                Assert.Equal("0087654321", cut.Find("[data-field='national-code']").TextContent);
                Assert.NotEmpty(cut.FindAll("[data-event-kind='PersonalDataViewed']"));
            },
            Patience);
    }

    private async Task<IRenderedComponent<DeskPage>> RenderDeskAsync(string user)
    {
        var access = await TestComplaints.AccessAsync(_app.Services, user);
        await _app.Services.GetRequiredService<DeskService>().StartShiftAsync(access, access.DeskIds.First());
        SignInAs(access);
        Render<MudPopoverProvider>();
        var cut = Render<DeskPage>();
        cut.WaitForElement("[data-panel='queue']", Patience);
        return cut;
    }

    private void SignInAs(CaseAccess access)
    {
        _auth.SetAuthorized(access.UserName);
        _auth.SetRoles([.. access.Roles]);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, access.UserId));
    }
}
