using NodaTime;

namespace ComplaintConsole.Domain;

/// <summary>
/// One desk's working day as it stood at its calendar's closing time: what arrived, what was answered, what was at
/// risk and what was overdue, by level. Taken again for the same day it is replaced, not duplicated.
/// </summary>
public class DailySummary
{
    public long Id { get; set; }

    public int DeskId { get; set; }

    /// <summary>The local working day of the desk's calendar.</summary>
    public LocalDate Date { get; set; }

    public Instant TakenAt { get; set; }

    /// <summary>Complaints received during the local day (00:00 to 24:00 of the calendar's zone).</summary>
    public int Received { get; set; }

    /// <summary>First responses recorded during the local day.</summary>
    public int Answered { get; set; }

    /// <summary>Open, unanswered and within the at-risk window of their deadline at closing time.</summary>
    public int AtRisk { get; set; }

    /// <summary>Open, unanswered and overdue (any level) at closing time.</summary>
    public int Overdue { get; set; }

    /// <summary>JSON object level → count of the overdue cases, e.g. <c>{"1":12,"2":3}</c>.</summary>
    public string OverdueByLevel { get; set; } = "{}";
}
