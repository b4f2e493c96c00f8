using ComplaintConsole.Sla;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Sla;

/// <summary>The at-risk window as instants, against the engine's own definition; calendar tehran-hq.</summary>
public sealed class AtRiskTests
{
    private static readonly Duration Hour = Duration.FromHours(1);

    [Fact]
    public void From_DueAtSundayOpening_IsSaturdayOneBusinessHourBeforeClosing()
    {
        var from = AtRiskWindow.From(Headquarters(), At(2026, 12, 6, 7, 30), Hour);

        Assert.Equal(At(2026, 12, 5, 13, 30), from);
    }

    [Fact]
    public void From_DueHalfAnHourAfterOpening_StartsAtThePreviousClosing()
    {
        // 30 minutes of the window fall on the day itself; the flat night brings it back to the previous closing.
        var from = AtRiskWindow.From(Headquarters(), At(2026, 12, 8, 8, 0), Duration.FromMinutes(30));

        Assert.Equal(At(2026, 12, 7, 14, 30), from);
    }

    [Fact]
    public void FromAndHorizon_OverTwoWeeksOfInstants_AgreeWithTheEngine()
    {
        var calendar = Headquarters();
        Instant[] dues = [At(2026, 12, 6, 7, 30), At(2026, 12, 8, 10, 0), At(2026, 12, 12, 7, 30), At(2026, 12, 26, 7, 30)];
        var mismatches = new List<string>();

        for (var now = At(2026, 12, 4, 0, 0); now < At(2026, 12, 27, 0, 0); now += Duration.FromMinutes(15))
        {
            var horizon = AtRiskWindow.Horizon(calendar, now, Hour);
            foreach (var due in dues)
            {
                var expected = calendar.IsAtRisk(due, now, Hour);
                if (AtRiskWindow.IsAtRisk(calendar, due, now, Hour) != expected || (now < due && due <= horizon) != expected)
                {
                    mismatches.Add($"{now} {due}");
                }
            }
        }

        Assert.Empty(mismatches);
    }
}
