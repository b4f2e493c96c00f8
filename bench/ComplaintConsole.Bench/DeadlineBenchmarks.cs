using BenchmarkDotNet.Attributes;
using ComplaintConsole.Calendar;
using ComplaintConsole.Data.Seed;
using NodaTime;

namespace ComplaintConsole.Bench;

/// <summary>
/// The working-time engine on the seeded tehran-hq calendar, for random receipt instants over 1405–1406
/// (2026-03-21 .. 2028-03-19). Each operation is one call; the instants are fixed by a seed so runs compare.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Instants = 4096;

    private static readonly DateTimeZone Tehran = DateTimeZoneProviders.Tzdb["Asia/Tehran"];
    private static readonly Instant First = new LocalDateTime(2026, 3, 21, 0, 0).InZoneStrictly(Tehran).ToInstant();
    private static readonly Instant Last = new LocalDateTime(2028, 3, 20, 0, 0).InZoneStrictly(Tehran).ToInstant();

    private readonly Instant[] _received = new Instant[Instants];
    private readonly Instant[] _later = new Instant[Instants];
    private readonly Instant[] _due = new Instant[Instants];
    private WorkingCalendar _calendar = null!;

    private static readonly HolidayRule[] Holidays =
        OfficialHolidays.Load().Select(h => new HolidayRule(h.Date, h.NameFa, true, h.Tentative)).ToArray();

    public static WorkingCalendar Headquarters() => new(
        DemoData.HeadquartersCalendar,
        Tehran,
        [
            ScheduleVersion.Uniform(
                new LocalDate(2020, 1, 1),
                [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday],
                new OpenRange(7, 30, 14, 30)),
        ],
        Holidays,
        [
            new ClosureRule(new LocalDate(2026, 12, 6), null, null, "air pollution"),
            new ClosureRule(new LocalDate(2027, 1, 12), new LocalTime(12, 0), null, "energy saving"),
        ]);

    [GlobalSetup]
    public void Setup()
    {
        _calendar = Headquarters();
        var random = new Random(1405);
        var span = (Last - First).TotalTicks;
        for (var i = 0; i < Instants; i++)
        {
            _received[i] = First + Duration.FromTicks((long)(random.NextDouble() * span));

            // Up to ten days later: a case looked at while it is still open.
            _later[i] = _received[i] + Duration.FromMinutes(random.Next(0, 10 * 24 * 60));
            _due[i] = _calendar.ResponseDue(_received[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Instants, Description = "Compute B(t), D(t)")]
    public long Compute()
    {
        long sum = 0;
        foreach (var t in _received)
        {
            sum += _calendar.Compute(t).ResponseDue.ToUnixTimeTicks();
        }

        return sum;
    }

    // A calendar just rebuilt after a change: its per-date cache is empty.
    [Benchmark(OperationsPerInvoke = 64, Description = "Compute on a fresh calendar")]
    public long ComputeOnFreshCalendar()
    {
        long sum = 0;
        for (var i = 0; i < 64; i++)
        {
            sum += Headquarters().Compute(_received[i]).ResponseDue.ToUnixTimeTicks();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Instants)]
    public int EscalationLevel()
    {
        var sum = 0;
        for (var i = 0; i < Instants; i++)
        {
            sum += _calendar.EscalationLevel(_due[i], _later[i]);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Instants)]
    public long BusinessTimeBetween()
    {
        long sum = 0;
        for (var i = 0; i < Instants; i++)
        {
            sum += _calendar.BusinessTimeBetween(_received[i], _later[i]).BclCompatibleTicks;
        }

        return sum;
    }
}
