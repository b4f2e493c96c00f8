using ComplaintConsole.Data;
using ComplaintConsole.Desks;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Desks;

/// <summary>
/// Two operators claiming the same case at (nearly) the same moment, for many cases at once: run on SQLite and on
/// PostgreSQL (xmin), each must leave exactly one winner, recorded once.
/// </summary>
public static class ClaimRace
{
    public sealed record Outcome(string TrackingCode, DeskResult[] Results, string[] Users);

    public static async Task<IReadOnlyList<Outcome>> RunAsync(IServiceProvider services, int cases, int seed)
    {
        var desks = services.GetRequiredService<DeskService>();
        var complaints = await TestComplaints.FileManyAsync(services, cases, publish: false);
        var op1 = await TestComplaints.AccessAsync(services, "operator1");
        var op2 = await TestComplaints.AccessAsync(services, "operator2");
        var random = new Random(seed);
        var plans = complaints.Select(c => (c.TrackingCode, First: random.Next(2) == 0 ? op1 : op2, Delay: random.Next(3))).ToList();

        using var gate = new SemaphoreSlim(16);
        return await Task.WhenAll(plans.Select(async plan =>
        {
            await gate.WaitAsync();
            try
            {
                var other = plan.First == op1 ? op2 : op1;
                var a = Task.Run(() => desks.ClaimAsync(plan.First, plan.TrackingCode));
                var b = Task.Run(async () =>
                {
                    for (var i = 0; i < plan.Delay; i++)
                    {
                        await Task.Yield();
                    }

                    return await desks.ClaimAsync(other, plan.TrackingCode);
                });
                var results = await Task.WhenAll(a, b);
                return new Outcome(plan.TrackingCode, results, [plan.First.UserId, other.UserId]);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public static async Task AssertOneWinnerEachAsync(IServiceProvider services, IReadOnlyList<Outcome> outcomes)
    {
        Assert.All(outcomes, o => Assert.Equal(1, o.Results.Count(r => r.Succeeded)));
        Assert.All(outcomes, o => Assert.Contains(o.Results.Single(r => !r.Succeeded).Error, new[] { "claim-lost", "already-claimed" }));
        await using var db = await services.GetRequiredService<IDbContextFactory<ComplaintsDbContext>>().CreateDbContextAsync();
        var codes = outcomes.Select(o => o.TrackingCode).ToList();
        var stored = await db.Complaints.AsNoTracking().Where(c => codes.Contains(c.TrackingCode))
            .Select(c => new { c.TrackingCode, c.AssignedOperatorId, Claims = c.Events.Count(e => e.Kind == ComplaintEventKind.Claimed) })
            .ToDictionaryAsync(c => c.TrackingCode);
        Assert.Equal(outcomes.Count, stored.Count);
        Assert.All(outcomes, o =>
        {
            var winner = o.Users[Array.FindIndex(o.Results, r => r.Succeeded)];
            Assert.Equal(winner, stored[o.TrackingCode].AssignedOperatorId);
            Assert.Equal(1, stored[o.TrackingCode].Claims);
        });
    }
}
