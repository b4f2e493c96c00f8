using System.Text.Json;
using ComplaintConsole.Domain;
using NodaTime;

namespace ComplaintConsole.Tests.Sla;

/// <summary>Assertions on what the SLA paths leave in a case file, shared by the SQLite and PostgreSQL tests.</summary>
public static class SlaAssert
{
    /// <summary>The case's deadline is <paramref name="to"/> and its last DeadlineChanged event says old → new.</summary>
    public static void DeadlineEvent(Complaint complaint, Instant from, Instant to, int level)
    {
        Assert.Equal(to, complaint.ResponseDueAt);
        Assert.Equal(level, complaint.OverdueLevel);
        var e = complaint.Events.Last(e => e.Kind == ComplaintEventKind.DeadlineChanged);
        Assert.True(e.Public);
        using var data = JsonDocument.Parse(e.Data!);
        Assert.Equal(from.ToString(), data.RootElement.GetProperty("from").GetString());
        Assert.Equal(to.ToString(), data.RootElement.GetProperty("to").GetString());
        Assert.Equal(level, data.RootElement.GetProperty("level").GetInt32());
    }

    /// <summary>Each case was flagged exactly once: level 1, one FlaggedOverdue event by the system at <paramref name="at"/>.</summary>
    public static void FlaggedOnce(Complaint complaint, Instant at)
    {
        Assert.Equal(1, complaint.OverdueLevel);
        var flagged = Assert.Single(complaint.Events, e => e.Kind == ComplaintEventKind.FlaggedOverdue);
        Assert.Equal(at, flagged.At);
        Assert.Equal("system", flagged.Actor);
        Assert.Equal("""{"level":1}""", flagged.Data);
    }
}
