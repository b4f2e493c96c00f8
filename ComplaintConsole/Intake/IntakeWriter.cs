using System.Threading.Channels;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using ComplaintConsole.Operations;
using ComplaintConsole.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ComplaintConsole.Intake;

/// <summary>
/// The single writer of new complaints (group commit). Requests queue their complaint and await it; the writer takes
/// whatever is queued (up to <see cref="IntakeOptions.MaxBatchSize"/>) and stores it in one transaction: complaints,
/// their Received events and the idempotency records. SQLite has one writer anyway, so one transaction per batch
/// instead of one per request turns thousands of small commits into a few hundred. A tracking code is handed out only
/// after its batch committed; live events are published after that.
/// </summary>
public sealed partial class IntakeWriter(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    LiveFeed liveFeed,
    TimeProvider clock,
    IOptions<IntakeOptions> options,
    ILogger<IntakeWriter> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    private readonly System.Threading.Channels.Channel<Pending> _queue = System.Threading.Channels.Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(options.Value.MaxQueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Complaints queued and not yet taken by the writer (read by the readiness check).</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <summary>What became of a queued complaint.</summary>
    public abstract record Outcome
    {
        /// <summary>Stored; <paramref name="Complaint"/> has its database ids.</summary>
        public sealed record Created(Complaint Complaint, IdempotencyRecord? Record) : Outcome;

        /// <summary>The idempotency key was used before with the same body: the first response, unchanged.</summary>
        public sealed record Replayed(IdempotencyRecord Record) : Outcome;

        /// <summary>The idempotency key was used before with another body.</summary>
        public sealed record KeyReused : Outcome;
    }

    /// <summary>The idempotency part of a queued complaint: the record is completed from the stored complaint.</summary>
    public sealed record IdempotencyClaim(string ApiKeyName, string Key, string RequestHash, Func<Complaint, (int Status, string Body, string? Location)> Response);

    private sealed record Pending(Complaint Complaint, IdempotencyClaim? Claim, TaskCompletionSource<Outcome> Done)
    {
        public IdempotencyRecord? Record { get; set; }
    }

    /// <summary>Queue a complaint (built with its Received event) and wait until it is committed.</summary>
    public async Task<Outcome> WriteAsync(Complaint complaint, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var pending = new Pending(complaint, claim, new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);

        // Not cancelled with the request: once queued it is stored, and a retry with the same key replays it.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.Value.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < options.Value.MaxBatchSize && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await WriteBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: store what is still queued so that no waiting request is left without an answer.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var item))
            {
                batch.Clear();
                batch.Add(item);
                await WriteBatchAsync(batch);
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var started = clock.GetTimestamp();
                var published = await TryWriteAsync(batch);
                ConsoleMetrics.IntakeCommitDuration.Record(clock.GetElapsedTime(started).TotalMilliseconds);
                liveFeed.Publish(published);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && ex is DbUpdateException or System.Data.Common.DbException)
            {
                // Another node took a tracking code or an idempotency key between the check and the insert: redo the
                // batch with fresh codes; a key taken meanwhile is found by the check this time.
                LogRetry(ex, batch.Count, attempt);
                foreach (var item in batch)
                {
                    item.Complaint.TrackingCode = TrackingCodes.NewCode();
                }
            }
#pragma warning disable CA1031 // The failure is handed to each waiting request, which answers 500.
            catch (Exception ex) when (batch.Count > 1)
#pragma warning restore CA1031
            {
                // Isolate the item that cannot be stored: the others must not fail with it.
                LogBatchFailed(ex, batch.Count);
                foreach (var item in batch)
                {
                    await WriteBatchAsync([item]);
                }

                return;
            }
#pragma warning disable CA1031 // As above: the waiting request gets the exception.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch[0].Done.TrySetException(ex);
                return;
            }
        }
    }

    private async Task<List<LiveEvent>> TryWriteAsync(List<Pending> batch)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var outcomes = new Outcome?[batch.Count];
        var duplicateOf = new int[batch.Count];
        Array.Fill(duplicateOf, -1);

        // Checks and inserts share one transaction: what was checked cannot change before the commit.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var expired = await ResolveIdempotencyAsync(db, batch, outcomes, duplicateOf, now);
        await EnsureUniqueCodesAsync(db, batch, outcomes, duplicateOf);

        var inserted = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            item.Record = null;
            if (outcomes[i] is not null || duplicateOf[i] >= 0)
            {
                continue;
            }

            ResetKeys(item.Complaint);
            if (item.Claim is { } claim)
            {
                var (status, body, location) = claim.Response(item.Complaint);
                item.Record = new IdempotencyRecord
                {
                    ApiKeyName = claim.ApiKeyName,
                    Key = claim.Key,
                    RequestHash = claim.RequestHash,
                    ResponseStatus = status,
                    ResponseBody = body,
                    ResponseLocation = location,
                    CreatedAt = now,
                    ExpiresAt = now + Duration.FromHours(options.Value.IdempotencyRetentionHours),
                };
            }

            inserted++;
        }

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await InsertOnSqliteAsync(db, batch, outcomes, duplicateOf, expired);
        }
        else
        {
            await InsertWithEfAsync(db, batch, outcomes, duplicateOf, expired);
        }

        var events = new List<LiveEvent>(inserted);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (outcomes[i] is { } outcome)
            {
                item.Done.TrySetResult(outcome);
            }
            else if (duplicateOf[i] >= 0)
            {
                var first = batch[duplicateOf[i]].Record!;
                item.Done.TrySetResult(first.RequestHash == item.Claim!.RequestHash ? new Outcome.Replayed(first) : new Outcome.KeyReused());
            }
            else
            {
                ConsoleMetrics.Received(item.Complaint.Channel);
                item.Done.TrySetResult(new Outcome.Created(item.Complaint, item.Record));
                foreach (var e in item.Complaint.Events)
                {
                    events.Add(LiveEvent.From(item.Complaint, e));
                }
            }
        }

        return events;
    }

    private static async Task InsertOnSqliteAsync(ComplaintsDbContext db, List<Pending> batch, Outcome?[] outcomes, int[] duplicateOf, List<IdempotencyRecord> expired)
    {
        var access = new ComplaintsDbContextAccess(db, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        if (expired.Count > 0)
        {
            var ids = expired.Select(r => r.Id).ToList();
            await db.IdempotencyRecords.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        }

        await using var complaints = await SqliteRowWriter.PrepareAsync<Complaint>(access);
        await using var events = await SqliteRowWriter.PrepareAsync<ComplaintEvent>(access);
        await using var records = await SqliteRowWriter.PrepareAsync<IdempotencyRecord>(access);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is not null || duplicateOf[i] >= 0)
            {
                continue;
            }

            var complaint = batch[i].Complaint;
            complaint.Id = await complaints.InsertAsync(complaint);
            foreach (var e in complaint.Events)
            {
                e.ComplaintId = complaint.Id;
                e.Id = await events.InsertAsync(e);
            }

            if (batch[i].Record is { } record)
            {
                record.ComplaintId = complaint.Id;
                record.Id = await records.InsertAsync(record);
            }
        }

        await db.Database.CommitTransactionAsync();
    }

    private static async Task InsertWithEfAsync(ComplaintsDbContext db, List<Pending> batch, Outcome?[] outcomes, int[] duplicateOf, List<IdempotencyRecord> expired)
    {
        db.IdempotencyRecords.RemoveRange(expired);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is not null || duplicateOf[i] >= 0)
            {
                continue;
            }

            db.Complaints.Add(batch[i].Complaint);
            if (batch[i].Record is { } record)
            {
                // The record points at the complaint by navigation, so EF fills in its id in the same SaveChanges.
                record.Complaint = batch[i].Complaint;
                db.IdempotencyRecords.Add(record);
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync();
        }

        await db.Database.CommitTransactionAsync();
    }

    private static async Task<List<IdempotencyRecord>> ResolveIdempotencyAsync(ComplaintsDbContext db, List<Pending> batch, Outcome?[] outcomes, int[] duplicateOf, Instant now)
    {
        var expired = new List<IdempotencyRecord>();
        if (!batch.Any(b => b.Claim is not null))
        {
            return expired;
        }

        // One query per API key in the batch (usually one), so that the (ApiKeyName, Key) index is used. The keys go
        // in as one JSON parameter: one SQL text and one compiled query whatever the batch size (EF 10 would otherwise
        // expand them into a parameter per key, a new query shape, and JIT work, for many batch sizes).
        var existing = new List<IdempotencyRecord>();
        foreach (var group in batch.Where(b => b.Claim is not null).GroupBy(b => b.Claim!.ApiKeyName))
        {
            var keys = group.Select(b => b.Claim!.Key).Distinct().ToList();
            existing.AddRange(await db.IdempotencyRecords.AsNoTracking()
                .Where(r => r.ApiKeyName == group.Key && EF.Parameter(keys).Contains(r.Key))
                .ToListAsync());
        }

        var firstIndex = new Dictionary<(string, string), int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Claim is not { } claim)
            {
                continue;
            }

            var stored = existing.FirstOrDefault(r => r.ApiKeyName == claim.ApiKeyName && r.Key == claim.Key);
            if (stored is not null && stored.ExpiresAt <= now)
            {
                // Kept long enough: the key is free again.
                expired.Add(stored);
                existing.Remove(stored);
                stored = null;
            }

            if (stored is not null)
            {
                outcomes[i] = stored.RequestHash == claim.RequestHash ? new Outcome.Replayed(stored) : new Outcome.KeyReused();
            }
            else if (firstIndex.TryGetValue((claim.ApiKeyName, claim.Key), out var first))
            {
                // The same key twice in one batch (only when the in-flight guard was bypassed, e.g. by another node's
                // request): the later one behaves as a retry of the first.
                duplicateOf[i] = first;
            }
            else
            {
                firstIndex[(claim.ApiKeyName, claim.Key)] = i;
            }
        }

        return expired;
    }

    private static async Task EnsureUniqueCodesAsync(ComplaintsDbContext db, List<Pending> batch, Outcome?[] outcomes, int[] duplicateOf)
    {
        while (true)
        {
            // One collection parameter, as above.
            var codes = batch.Where((_, i) => outcomes[i] is null && duplicateOf[i] < 0).Select(b => b.Complaint.TrackingCode).ToList();
            var taken = (await db.Complaints.Where(c => EF.Parameter(codes).Contains(c.TrackingCode)).Select(c => c.TrackingCode).ToListAsync()).ToHashSet();
            var inBatch = new HashSet<string>();
            var changed = false;
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] is not null || duplicateOf[i] >= 0)
                {
                    continue;
                }

                var complaint = batch[i].Complaint;
                if (taken.Contains(complaint.TrackingCode) || !inBatch.Add(complaint.TrackingCode))
                {
                    complaint.TrackingCode = TrackingCodes.NewCode();
                    changed = true;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    // A failed attempt may have left generated ids on the objects; a retry inserts them afresh.
    private static void ResetKeys(Complaint complaint)
    {
        complaint.Id = 0;
        foreach (var e in complaint.Events)
        {
            e.Id = 0;
            e.ComplaintId = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake batch of {Count} hit a uniqueness conflict (attempt {Attempt}); retrying with new tracking codes")]
    private partial void LogRetry(Exception ex, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Intake batch of {Count} failed; writing its complaints one by one")]
    private partial void LogBatchFailed(Exception ex, int count);
}
