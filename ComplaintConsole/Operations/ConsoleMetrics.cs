using System.Diagnostics.Metrics;
using ComplaintConsole.Domain;

namespace ComplaintConsole.Operations;

/// <summary>
/// The app's own instruments, on the Meter "ComplaintConsole". Static so that the features record with one line and
/// no injected dependency; the OpenTelemetry meter provider (when an exporter is configured) or any MeterListener reads it.
/// </summary>
public static class ConsoleMetrics
{
    public const string MeterName = "ComplaintConsole";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> ComplaintsReceived { get; } =
        Meter.CreateCounter<long>("complaints.received", "{complaint}", "Complaints stored at intake, by channel");

    public static Counter<long> ComplaintsFlaggedOverdue { get; } =
        Meter.CreateCounter<long>("complaints.flagged_overdue", "{complaint}", "Cases flagged overdue (level 1) or escalated (level 2+) by the sweep, by level");

    public static Counter<long> DeadlinesMoved { get; } =
        Meter.CreateCounter<long>("complaints.deadlines_moved", "{complaint}", "Open cases whose deadline a calendar change moved");

    public static Counter<long> ClaimConflicts { get; } =
        Meter.CreateCounter<long>("complaints.claim_conflicts", "{claim}", "Claims lost because a colleague changed the case first");

    public static Histogram<double> IntakeCommitDuration { get; } =
        Meter.CreateHistogram<double>("intake.commit.duration", "ms", "Time to write and commit one intake batch");

    public static void Received(Channel channel) =>
        ComplaintsReceived.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    /// <summary>One measurement per level reached, for the levels of the cases one sweep flipped.</summary>
    public static void Flagged(IEnumerable<int> levels)
    {
        foreach (var group in levels.GroupBy(l => l))
        {
            ComplaintsFlaggedOverdue.Add(group.Count(), new KeyValuePair<string, object?>("level", group.Key));
        }
    }
}
