using System.ComponentModel.DataAnnotations;

namespace ComplaintConsole.Sla;

/// <summary>Settings of the next-working-day rule's enforcement, bound from "Sla" and validated at start.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A case is at risk during this much business time before its deadline.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00", ErrorMessage = "Sla:AtRiskWindow must be between 00:01:00 and 08:00:00.")]
    public TimeSpan AtRiskWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Period of the safety sweep that bounds how late a flag can be if an opening trigger was missed.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Sla:SafetySweepInterval must be between 00:00:05 and 01:00:00.")]
    public TimeSpan SafetySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after each calendar's last closing of a working day the desks' daily summary is taken.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "06:00:00", ErrorMessage = "Sla:DailySummaryAfterClosing must be between 00:00:00 and 06:00:00.")]
    public TimeSpan DailySummaryAfterClosing { get; set; } = TimeSpan.Zero;

    /// <summary>Run the Quartz triggers (tests that call the services directly turn it off).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Open cases read and rewritten per transaction when a calendar change retimes them.</summary>
    [Range(1_000, 500_000, ErrorMessage = "Sla:RetimeBatchSize must be between 1000 and 500000.")]
    public int RetimeBatchSize { get; set; } = 50_000;
}
