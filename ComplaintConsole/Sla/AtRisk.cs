using System.Linq.Expressions;
using ComplaintConsole.Calendar;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Sla;

/// <summary>
/// The at-risk window of DESIGN.md (the last <c>window</c> of business time before a deadline) as instants, so that it
/// can be shown per case and queried in SQL. Agrees with <see cref="WorkingCalendar.IsAtRisk"/>: a case due at D is
/// at risk at <c>now</c> exactly when <c>From(D) &lt;= now &lt; D</c>, i.e. when <c>now &lt; D &lt;= Horizon(now)</c>.
/// </summary>
public static class AtRiskWindow
{
    private const int MaxDays = 800;

    /// <summary>The first instant at which a case due at <paramref name="due"/> is at risk.</summary>
    public static Instant From(WorkingCalendar calendar, Instant due, Duration window)
    {
        var remaining = window;
        var date = due.InZone(calendar.Zone).Date.PlusDays(1);
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(-1))
        {
            var intervals = calendar.OpenIntervals(date);
            for (var j = intervals.Count - 1; j >= 0; j--)
            {
                var start = intervals[j].Start;
                var end = intervals[j].End < due ? intervals[j].End : due;
                if (end <= start)
                {
                    continue;
                }

                // Business time stays flat across a closed gap, so the window starts where the gap starts.
                if (end - start > remaining || remaining == Duration.Zero)
                {
                    return remaining == Duration.Zero ? end : end - remaining;
                }

                remaining -= end - start;
            }
        }

        return due - window;
    }

    /// <summary>The latest deadline that is at risk at <paramref name="now"/>.</summary>
    public static Instant Horizon(WorkingCalendar calendar, Instant now, Duration window)
    {
        var remaining = window;
        var date = now.InZone(calendar.Zone).Date.PlusDays(-1);
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            foreach (var interval in calendar.OpenIntervals(date))
            {
                var start = interval.Start > now ? interval.Start : now;
                if (interval.End <= start)
                {
                    continue;
                }

                if (interval.End - start > remaining)
                {
                    return start + remaining;
                }

                remaining -= interval.End - start;
            }
        }

        return now + window;
    }

    public static bool IsAtRisk(WorkingCalendar calendar, Instant due, Instant now, Duration window) =>
        now < due && From(calendar, due, window) <= now;
}

/// <summary>At-risk answers for desks and boards, on the configured window and the calendars' current state.</summary>
public sealed class AtRiskService(CalendarStore calendars, TimeProvider time, IOptions<SlaOptions> options)
{
    public Duration Window => options.Value.AtRiskWindow.ToDuration();

    /// <summary>When a case of this desk due at <paramref name="responseDueAt"/> becomes at risk.</summary>
    public async Task<Instant> AtRiskFromAsync(int deskId, Instant responseDueAt, CancellationToken cancellationToken = default) =>
        AtRiskWindow.From(await calendars.ForDeskAsync(deskId, cancellationToken), responseDueAt, Window);

    public async Task<bool> IsAtRiskAsync(Complaint complaint, CancellationToken cancellationToken = default)
    {
        if (!complaint.AwaitsFirstResponse)
        {
            return false;
        }

        var calendar = await calendars.ForDeskAsync(complaint.DeskId, cancellationToken);
        return AtRiskWindow.IsAtRisk(calendar, complaint.ResponseDueAt, time.GetUtcNow().ToInstant(), Window);
    }

    /// <summary>
    /// A filter for EF queries: open, unanswered cases at risk now. One range on ResponseDueAt per calendar, so it runs
    /// in SQL on every provider: <c>db.Complaints.Where(await atRisk.AtRiskNowAsync())</c>.
    /// </summary>
    public async Task<Expression<Func<Complaint, bool>>> AtRiskNowAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await calendars.GetSnapshotAsync(cancellationToken);
        return AtRiskFilter(snapshot, time.GetUtcNow().ToInstant(), Window);
    }

    public static Expression<Func<Complaint, bool>> AtRiskFilter(CalendarStore.Snapshot snapshot, Instant now, Duration window)
    {
        var c = Expression.Parameter(typeof(Complaint), "c");
        Expression? any = null;
        foreach (var (calendarId, calendar) in snapshot.ById)
        {
            var deskIds = snapshot.CalendarIdByDesk.Where(d => d.Value == calendarId).Select(d => d.Key).ToArray();
            if (deskIds.Length == 0)
            {
                continue;
            }

            var horizon = AtRiskWindow.Horizon(calendar, now, window);
            Expression<Func<Complaint, bool>> one = x => deskIds.Contains(x.DeskId) && x.ResponseDueAt > now && x.ResponseDueAt <= horizon;
            var body = new Rebind(one.Parameters[0], c).Visit(one.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }

        Expression<Func<Complaint, bool>> awaiting = x => x.FirstResponseAt == null && x.Status != ComplaintStatus.Closed;
        var filter = new Rebind(awaiting.Parameters[0], c).Visit(awaiting.Body);
        return Expression.Lambda<Func<Complaint, bool>>(
            Expression.AndAlso(filter, any ?? Expression.Constant(false)), c);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
