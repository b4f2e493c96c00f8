using System.ComponentModel.DataAnnotations;

namespace ComplaintConsole.Board;

public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>Read-only tokens that open /wallboard without signing in (one per wall screen, so each can be revoked).</summary>
    public IReadOnlyList<string> WallboardTokens { get; set; } = [];

    /// <summary>The zone whose midnight starts "today" and whose Saturday starts "this week".</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Tehran";

    /// <summary>How many past same weekdays the arrivals average covers.</summary>
    [Range(1, 52)]
    public int ArrivalHistoryWeeks { get; set; } = 4;

    /// <summary>Live bursts are coalesced: the board re-reads at most once per this interval.</summary>
    [Range(100, 60_000)]
    public int RefreshMilliseconds { get; set; } = 1000;

    /// <summary>Re-read even without events, since waits grow and deadlines pass with time alone.</summary>
    [Range(1, 3600)]
    public int PeriodicRefreshSeconds { get; set; } = 30;
}
