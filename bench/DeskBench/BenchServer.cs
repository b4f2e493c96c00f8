using System.Diagnostics;
using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace DeskBench;

/// <summary>
/// The app on its own SQLite file and a real port, in its own process (so its memory is measured alone), plus two
/// bench-only endpoints: file complaints the way intake does (commit, then publish) and report memory.
/// </summary>
public sealed class BenchServer : WebApplicationFactory<Program>
{
    public const int BenchUsers = 50;
    private readonly string _directory = Directory.CreateTempSubdirectory("desk-bench-").FullName;

    public static string UserName(int i) => $"bench{i:00}";

    public static async Task RunAsync()
    {
        using var server = new BenchServer();
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        await SeedUsersAsync(server.Services);
        Console.WriteLine("LISTENING " + address);
        // The parent ends the bench by closing our standard input.
        await Console.In.ReadToEndAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Complaints", $"Data Source={Path.Combine(_directory, "bench.db")}");
        builder.UseSetting("Circuits:MaxPerUser", "50");
        builder.UseSetting("Database:SeedDemoCases", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, BenchEndpoints>());
    }

    private static async Task SeedUsersAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var urban = await db.Desks.Where(d => d.Code == "urban").Select(d => d.Id).SingleAsync();
        var now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);
        for (var i = 0; i < BenchUsers; i++)
        {
            var user = new AppUser { UserName = UserName(i), DisplayName = $"کارشناس آزمون {i}", EmailConfirmed = true };
            Check(await users.CreateAsync(user, ComplaintConsole.Identity.DemoAccounts.Password));
            Check(await users.AddToRoleAsync(user, Roles.Operator));
            db.DeskMembers.Add(new DeskMember { DeskId = urban, UserId = user.Id });
            var shift = new OperatorShift { UserId = user.Id };
            shift.Start(urban, now);
            db.OperatorShifts.Add(shift);
        }

        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }

    private sealed class BenchEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench", b => b.UseRouting().UseEndpoints(e =>
            {
                e.MapPost("/file", FileAsync);
                e.MapGet("/memory", () =>
                {
                    var managed = GC.GetTotalMemory(forceFullCollection: true);
                    using var process = Process.GetCurrentProcess();
                    return new MemoryReport(managed, process.WorkingSet64, Environment.ProcessorCount);
                });
            }));
            next(app);
        };

        // The same path as intake: routing to the agency's desk, the deadline from its calendar, the Received event in
        // the same transaction, publish after commit.
        private static async Task<string> FileAsync(string code, IDbContextFactory<ComplaintsDbContext> dbFactory, CalendarStore calendars, LiveFeed feed, TimeProvider time)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "tehran-municipality");
            var calendar = await calendars.ForDeskAsync(agency.DeskId);
            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var c = new Complaint
            {
                TrackingCode = code,
                Kind = ComplaintKind.Complaint,
                Channel = Channel.Api,
                AgencyId = agency.Id,
                DeskId = agency.DeskId,
                CategoryCode = "delay",
                Subject = "آزمون بار: تأخیر در رسیدگی",
                Description = "شکایت ساختگی برای سنجش تأخیر تحویل",
                ReceivedAt = now,
            };
            c.ApplyDeadline(calendar.Compute(now));
            var e = c.Append(ComplaintEventKind.Received, "api:bench", now, isPublic: true);
            db.Complaints.Add(c);
            await db.SaveChangesAsync();
            feed.Publish(LiveEvent.From(c, e));
            return c.TrackingCode;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}

public sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int Processors);
