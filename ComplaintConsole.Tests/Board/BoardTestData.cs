using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Board;

/// <summary>Puts cases straight into the app's database (intake is another feature), as they would be after intake.</summary>
public static class BoardTestData
{
    public static async Task<string> UserIdAsync(AppFactory app, string userName)
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> DeskIdAsync(AppFactory app, string code)
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        return await db.Desks.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    /// <summary>A case received <paramref name="age"/> before now, claimed by <paramref name="operatorUser"/> if given.</summary>
    public static async Task<Complaint> AddCaseAsync(
        AppFactory app,
        string code,
        Instant now,
        Duration age,
        string agency = "tehran-municipality",
        string? operatorUser = null,
        int overdueLevel = 0,
        string subject = "تأخیر در صدور پروانه ساختمانی",
        string? complainantName = "مریم شهروند")
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        var a = await db.Agencies.SingleAsync(x => x.Code == agency);
        var calendar = await app.Services.GetRequiredService<CalendarStore>().ForDeskAsync(a.DeskId);
        var received = now - age;
        var complaint = new Complaint
        {
            TrackingCode = code,
            Kind = ComplaintKind.Complaint,
            Channel = Channel.Web,
            ComplainantName = complainantName,
            NationalCode = complainantName is null ? null : "0012345679",
            Mobile = complainantName is null ? null : "+989121234567",
            AgencyId = a.Id,
            DeskId = a.DeskId,
            CategoryCode = "delay",
            Subject = subject,
            Description = subject,
            SearchKey = subject.Replace("\u200C", "", StringComparison.Ordinal),
            ReceivedAt = received,
            OverdueLevel = overdueLevel,
        };
        complaint.ApplyDeadline(calendar.Compute(received));
        complaint.Append(ComplaintEventKind.Received, "citizen", received);
        if (operatorUser is not null)
        {
            var id = await db.Users.Where(u => u.UserName == operatorUser).Select(u => u.Id).SingleAsync();
            complaint.Claim(id, received + Duration.FromMinutes(5));
        }

        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
        return complaint;
    }

    public static async Task<Complaint> LoadAsync(AppFactory app, string code)
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        return await db.Complaints.AsNoTracking().Include(c => c.Events.OrderBy(e => e.Id)).SingleAsync(c => c.TrackingCode == code);
    }

    public static IDbContextFactory<ComplaintsDbContext> Factory(AppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();

    public static Instant Now(AppFactory app) => Instant.FromDateTimeOffset(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
}
