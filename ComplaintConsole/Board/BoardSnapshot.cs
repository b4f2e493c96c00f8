using ComplaintConsole.Domain;
using NodaTime;

namespace ComplaintConsole.Board;

/// <summary>What the board shows at one instant. Plain data: the wallboard derives its person-free view from it.</summary>
public sealed record BoardSnapshot(
    Instant TakenAt,
    IReadOnlyList<DeskFigures> Desks,
    IReadOnlyList<GroupFigures> Agencies,
    IReadOnlyList<GroupFigures> Layers,
    GroupFigures Total,
    ArrivalSeries Arrivals)
{
    public static BoardSnapshot Empty(Instant at) =>
        new(at, [], [], [], GroupFigures.Empty("total", "", ""), new ArrivalSeries(at.InUtc().Date, new int[ArrivalSeries.Buckets], new double[ArrivalSeries.Buckets], 0));
}

/// <summary>The figures of a desk, an agency, a layer or the whole province.</summary>
public sealed record GroupFigures(
    string Key,
    string NameFa,
    string NameEn,
    int QueueDepth,
    Duration LongestWait,
    int Claimed,
    int AnsweredToday,
    int AtRisk,
    IReadOnlyList<int> OverdueByLevel,
    DeadlineShare InTimeToday,
    DeadlineShare InTimeWeek)
{
    /// <summary>Levels shown separately; the last bucket holds this level and above.</summary>
    public const int Levels = 3;

    public int Overdue => OverdueByLevel.Sum();

    public static GroupFigures Empty(string key, string fa, string en) =>
        new(key, fa, en, 0, Duration.Zero, 0, 0, 0, new int[Levels], default, default);
}

public sealed record DeskFigures(GroupFigures Figures, IReadOnlyList<OperatorFigures> Operators)
{
    public int CountIn(Presence presence) => Operators.Count(o => o.Presence == presence);
}

public sealed record OperatorFigures(string UserId, string DisplayName, Presence Presence, int Claimed);

/// <summary>Cases whose deadline arrived in the period, and how many of them had a first response by then.</summary>
public readonly record struct DeadlineShare(int Due, int InTime)
{
    public double? Share => Due == 0 ? null : (double)InTime / Due;
}

/// <summary>Arrivals per 15 minutes of today (local), against the average of the same weekday in past weeks.</summary>
public sealed record ArrivalSeries(LocalDate Today, IReadOnlyList<int> TodayCounts, IReadOnlyList<double> Average, int WeeksAveraged)
{
    public const int Buckets = 96;

    public int TodayTotal => TodayCounts.Sum();
}
