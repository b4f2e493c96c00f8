using ComplaintConsole.Data;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using NodaTime;

namespace ComplaintConsole.Intake;

/// <summary>Deletes idempotency records past their retention, hourly. An expired key found earlier is freed at insert.</summary>
public sealed class IdempotencyCleanup(IDbContextFactory<ComplaintsDbContext> dbFactory, TimeProvider clock, ILogger<IdempotencyCleanup> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (DbException ex)
            {
                logger.LogWarning(ex, "Deleting expired idempotency records failed; next try in {Interval}", Interval);
            }
        }
    }
}
