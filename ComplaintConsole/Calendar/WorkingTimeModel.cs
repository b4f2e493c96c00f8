using NodaTime;

namespace ComplaintConsole.Calendar;

/// <summary>An open range <c>[From, To)</c> of a weekday, in local time.</summary>
public sealed record OpenRange(LocalTime From, LocalTime To)
{
    public OpenRange(int fromHour, int fromMinute, int toHour, int toMinute)
        : this(new LocalTime(fromHour, fromMinute), new LocalTime(toHour, toMinute))
    {
    }
}

/// <summary>A weekly schedule in force from <see cref="EffectiveFrom"/> until the next version starts.</summary>
public sealed class ScheduleVersion
{
    private readonly IReadOnlyList<OpenRange>[] _byDay = new IReadOnlyList<OpenRange>[8];

    public ScheduleVersion(LocalDate effectiveFrom, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenRange>> week)
    {
        EffectiveFrom = effectiveFrom;
        for (var i = 0; i < _byDay.Length; i++)
        {
            _byDay[i] = [];
        }

        foreach (var (day, ranges) in week)
        {
            var sorted = ranges.OrderBy(r => r.From).ToArray();
            for (var i = 0; i < sorted.Length; i++)
            {
                if (sorted[i].To <= sorted[i].From)
                {
                    throw new ArgumentException($"Open range {sorted[i].From}-{sorted[i].To} on {day} must end after it starts.", nameof(week));
                }

                if (i > 0 && sorted[i].From < sorted[i - 1].To)
                {
                    throw new ArgumentException($"Open ranges on {day} overlap.", nameof(week));
                }
            }

            _byDay[(int)day] = sorted;
        }
    }

    public LocalDate EffectiveFrom { get; }

    public IReadOnlyList<OpenRange> RangesOn(IsoDayOfWeek day) => _byDay[(int)day];

    /// <summary>The same ranges on each of the given days.</summary>
    public static ScheduleVersion Uniform(LocalDate effectiveFrom, IEnumerable<IsoDayOfWeek> days, params OpenRange[] ranges) =>
        new(effectiveFrom, days.ToDictionary(d => d, _ => (IReadOnlyList<OpenRange>)ranges));
}

/// <summary>A holiday; a tentative one (a lunar date that may still move) counts as a holiday until moved or removed.</summary>
public sealed record HolidayRule(LocalDate Date, string Name, bool Official = true, bool Tentative = false);

/// <summary>
/// A declared closure of one date: the whole day when both bounds are null, otherwise <c>[From, To)</c> where a null
/// <see cref="From"/> means from the start of the day ("opens at 10:00") and a null <see cref="To"/> to its end
/// ("open until 12:00").
/// </summary>
public sealed record ClosureRule(LocalDate Date, LocalTime? From, LocalTime? To, string Reason = "")
{
    public bool IsWholeDay => From is null && To is null;
}

/// <summary>The business day of receipt B(t) and the response due instant D(t) of one complaint.</summary>
public readonly record struct Deadline(LocalDate BusinessDayOfReceipt, Instant ResponseDue);
