using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Desks;

/// <summary>
/// Test data: complaints stored the way intake stores them (routing to the agency's desk, deadline from the desk's
/// calendar, the Received event in the same transaction, publish after commit), but with any receipt instant and in
/// bulk, which the intake API rightly does not allow. Tests of intake itself go through the HTTP API.
/// </summary>
public static partial class TestComplaints
{
    private static int _counter;

    public static async Task<Complaint> FileAsync(
        IServiceProvider services,
        string agencyCode = "tehran-municipality",
        string? nationalCode = null,
        string? mobile = null,
        string subject = "تأخیر در صدور پروانهٔ ساختمانی",
        Instant? receivedAt = null)
    {
        var complaints = await FileManyAsync(services, 1, agencyCode, nationalCode, mobile, subject, receivedAt);
        return complaints[0];
    }

    public static async Task<IReadOnlyList<Complaint>> FileManyAsync(
        IServiceProvider services,
        int count,
        string agencyCode = "tehran-municipality",
        string? nationalCode = null,
        string? mobile = null,
        string subject = "تأخیر در صدور پروانهٔ ساختمانی",
        Instant? receivedAt = null,
        bool publish = true)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        var calendars = services.GetRequiredService<CalendarStore>();
        var now = receivedAt ?? Instant.FromDateTimeOffset(services.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var calendar = await calendars.ForDeskAsync(agency.DeskId);
        var list = new List<Complaint>();
        for (var i = 0; i < count; i++)
        {
            var c = new Complaint
            {
                TrackingCode = NewCode(),
                Kind = ComplaintKind.Complaint,
                Channel = Channel.Web,
                ComplainantName = "رضا نادری",
                NationalCode = nationalCode,
                Mobile = mobile,
                AgencyId = agency.Id,
                DeskId = agency.DeskId,
                CategoryCode = "delay",
                Subject = subject,
                Description = "سه ماه است که پرونده در شهرداری منطقه بدون پاسخ مانده است.",
                SearchKey = subject,
                ReceivedAt = now,
            };
            c.ApplyDeadline(calendar.Compute(now));
            c.Append(ComplaintEventKind.Received, "citizen", now, isPublic: true);
            list.Add(c);
        }

        db.Complaints.AddRange(list);
        await db.SaveChangesAsync();
        if (publish)
        {
            services.GetRequiredService<LiveFeed>().Publish(list.Select(c => LiveEvent.From(c, c.Events[0])).ToList());
        }

        return list;
    }

    public static async Task<string> UserIdAsync(IServiceProvider services, string userName)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The access a signed-in demo user gets, resolved by the app's own resolver.</summary>
    public static async Task<CaseAccess> AccessAsync(IServiceProvider services, string userName)
    {
        var id = await UserIdAsync(services, userName);
        var role = ComplaintConsole.Identity.DemoAccounts.Accounts.Single(a => a.UserName == userName).Role;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)], "test"));
        return await services.GetRequiredService<CaseAccessResolver>().ForAsync(principal);
    }

    /// <summary>Signs in against a real Kestrel port and returns the auth cookie header (for SignalR clients).</summary>
    public static async Task<string> CookieForAsync(Uri baseUri, string userName)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUri };
        var form = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = ComplaintConsole.Identity.DemoAccounts.Password,
        }));
        return cookies.GetCookieHeader(baseUri);
    }

    private static string NewCode() =>
        "T" + Interlocked.Increment(ref _counter).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
