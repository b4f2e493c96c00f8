using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using Quartz;

namespace ComplaintConsole.Sla;

/// <summary>
/// The Quartz triggers that follow the calendars: per calendar a one-shot trigger at its next working-day opening (the
/// overdue sweep) and one at its next closing (the daily summary), each moved after it ran and whenever the calendar
/// changes; a sweep at start-up (catch-up after downtime) and a periodic safety sweep that bounds lateness.
/// </summary>
public sealed class SlaScheduler(
    ISchedulerFactory schedulerFactory,
    CalendarStore calendars,
    TimeProvider time,
    IOptions<SlaOptions> options,
    ILogger<SlaScheduler> logger)
{
    public const string Group = "sla";
    public const string CalendarIdKey = "calendarId";

    public static readonly JobKey OpeningSweepJob = new("opening-sweep", Group);
    public static readonly JobKey SweepAllJob = new("sweep-all", Group);
    public static readonly JobKey DailySummaryJob = new("daily-summary", Group);
    public static readonly TriggerKey StartupTrigger = new("startup-sweep", Group);
    public static readonly TriggerKey SafetyTrigger = new("safety-sweep", Group);

    public static TriggerKey OpeningTrigger(int calendarId) => new($"opening-{calendarId}", Group);

    public static TriggerKey ClosingTrigger(int calendarId) => new($"closing-{calendarId}", Group);

    /// <summary>At start-up: the catch-up sweep now, the safety sweep, and each calendar's opening and closing.</summary>
    public async Task ScheduleAllAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();
        await Replace(scheduler, TriggerBuilder.Create(time)
            .WithIdentity(StartupTrigger)
            .ForJob(SweepAllJob)
            .StartAt(now)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build(), cancellationToken);
        await Replace(scheduler, TriggerBuilder.Create(time)
            .WithIdentity(SafetyTrigger)
            .ForJob(SweepAllJob)
            .StartAt(now + options.Value.SafetySweepInterval)
            .WithSimpleSchedule(s => s.WithInterval(options.Value.SafetySweepInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build(), cancellationToken);

        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        await RescheduleAsync(snapshot.ById.Keys.ToArray(), cancellationToken);
    }

    /// <summary>Moves the calendars' opening and closing triggers to their next occurrence after now.</summary>
    public async Task RescheduleAsync(IReadOnlyCollection<int> calendarIds, CancellationToken cancellationToken = default)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        if (cancellationToken.IsCancellationRequested
            || await scheduler.GetStatus(cancellationToken) is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
        {
            // The node is stopping: the next start schedules every calendar again (and, clustered, another node has).
            return;
        }

        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        var now = time.GetUtcNow().ToInstant();
        foreach (var calendarId in calendarIds.Distinct())
        {
            if (!snapshot.ById.TryGetValue(calendarId, out var calendar))
            {
                await scheduler.UnscheduleJob(OpeningTrigger(calendarId), cancellationToken);
                await scheduler.UnscheduleJob(ClosingTrigger(calendarId), cancellationToken);
                continue;
            }

            var opening = calendar.NextOpeningAfter(now);
            var closing = NextSummaryAfter(calendar, now, options.Value.DailySummaryAfterClosing.ToDuration());
            await Replace(scheduler, OneShot(OpeningTrigger(calendarId), OpeningSweepJob, calendarId, opening), cancellationToken);
            await Replace(scheduler, OneShot(ClosingTrigger(calendarId), DailySummaryJob, calendarId, closing.At), cancellationToken);
            logger.LogDebug("Calendar {Calendar}: next opening {Opening}, next summary {Closing}", calendar.Code, opening, closing.At);
        }
    }

    /// <summary>
    /// When the daily summary of a working day is taken: its last closing plus the configured delay. The first such
    /// instant strictly later than <paramref name="after"/>, with the day it belongs to.
    /// </summary>
    public static (LocalDate Date, Instant At) NextSummaryAfter(WorkingCalendar calendar, Instant after, Duration delay)
    {
        var date = after.InZone(calendar.Zone).Date.PlusDays(-1);
        for (var i = 0; i < 800; i++, date = date.PlusDays(1))
        {
            var intervals = calendar.OpenIntervals(date);
            if (intervals.Count > 0 && intervals[^1].End + delay > after)
            {
                return (date, intervals[^1].End + delay);
            }
        }

        throw new InvalidOperationException($"Calendar '{calendar.Code}' has no working day in the 800 days from {after}.");
    }

    /// <summary>The working day whose summary instant is the latest at or before <paramref name="now"/>.</summary>
    public static LocalDate LastSummaryDayAtOrBefore(WorkingCalendar calendar, Instant now, Duration delay)
    {
        var date = now.InZone(calendar.Zone).Date.PlusDays(1);
        for (var i = 0; i < 800; i++, date = date.PlusDays(-1))
        {
            var intervals = calendar.OpenIntervals(date);
            if (intervals.Count > 0 && intervals[^1].End + delay <= now)
            {
                return date;
            }
        }

        throw new InvalidOperationException($"Calendar '{calendar.Code}' has no working day in the 800 days before {now}.");
    }

    private ITrigger OneShot(TriggerKey key, JobKey job, int calendarId, Instant at) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(CalendarIdKey, calendarId)
            .StartAt(at.ToDateTimeOffset())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    private static async Task Replace(IScheduler scheduler, ITrigger trigger, CancellationToken cancellationToken) =>
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
}

/// <summary>Sweeps one calendar at its opening, then moves its trigger to the next opening.</summary>
[DisallowConcurrentExecution]
public sealed class OpeningSweepJob(SlaJobs jobs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await jobs.AtOpeningAsync(context.MergedJobDataMap.GetInt(SlaScheduler.CalendarIdKey), cancellationToken);
}

/// <summary>The start-up catch-up and the periodic safety sweep over every calendar.</summary>
[DisallowConcurrentExecution]
public sealed class SweepAllJob(OverdueSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.SweepAsync(cancellationToken);
}

/// <summary>Takes the desks' daily summary at a calendar's closing, then moves its trigger to the next closing.</summary>
[DisallowConcurrentExecution]
public sealed class DailySummaryJob(SlaJobs jobs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await jobs.AtClosingAsync(context.MergedJobDataMap.GetInt(SlaScheduler.CalendarIdKey), cancellationToken);
}

/// <summary>What the calendar-driven triggers do, kept out of the job classes so that it is tested without Quartz.</summary>
public sealed class SlaJobs(OverdueSweep sweep, DailySummaryService summaries, SlaScheduler scheduler, CalendarStore calendars, TimeProvider time, IOptions<SlaOptions> options)
{
    public async Task<SweepResult> AtOpeningAsync(int calendarId, CancellationToken cancellationToken)
    {
        var result = await sweep.SweepCalendarAsync(calendarId, cancellationToken);
        await scheduler.RescheduleAsync([calendarId], cancellationToken);
        return result;
    }

    public async Task AtClosingAsync(int calendarId, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ByIdAsync(calendarId, cancellationToken);
        var now = time.GetUtcNow().ToInstant();

        var date = SlaScheduler.LastSummaryDayAtOrBefore(calendar, now, options.Value.DailySummaryAfterClosing.ToDuration());
        await summaries.TakeAsync(calendarId, date, cancellationToken);
        await scheduler.RescheduleAsync([calendarId], cancellationToken);
    }
}
