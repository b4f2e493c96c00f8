using System.Globalization;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintConsole.Data.Seed;

/// <summary>
/// The embedded default's demo world: Tehran agencies across the three layers, the desks that split them, the
/// calendars <c>tehran-hq</c> and <c>tehran-counties</c> with the official holidays of 1405–1406.
/// </summary>
public sealed class DemoData(IDbContextFactory<ComplaintsDbContext> dbFactory)
{
    public const string HeadquartersCalendar = "tehran-hq";
    public const string CountiesCalendar = "tehran-counties";

    private static readonly LocalDate ScheduleStart = new(2020, 1, 1);

    private static readonly (string Code, string Fa, string En, Layer Layer, string Desk)[] AgencyRows =
    [
        ("tehran-governorate", "استانداری تهران", "Tehran Governorate", Layer.Provincial, "urban"),
        ("tehran-municipality", "شهرداری تهران", "Tehran Municipality", Layer.Provincial, "urban"),
        ("tehran-metro", "شرکت بهره‌برداری متروی تهران", "Tehran Metro Operation Company", Layer.Provincial, "urban"),
        ("tehran-roads", "اداره کل راه و شهرسازی استان تهران", "Tehran Province Roads and Urban Development", Layer.Provincial, "urban"),
        ("tehran-education", "اداره کل آموزش و پرورش شهر تهران", "Tehran City Education Department", Layer.Provincial, "urban"),
        ("tehran-water", "شرکت آب و فاضلاب استان تهران", "Tehran Province Water and Wastewater Company", Layer.Provincial, "utilities"),
        ("tehran-electricity", "شرکت توزیع نیروی برق تهران بزرگ", "Greater Tehran Electricity Distribution Company", Layer.Provincial, "utilities"),
        ("tehran-gas", "شرکت گاز استان تهران", "Tehran Province Gas Company", Layer.Provincial, "utilities"),
        ("tehran-tax", "اداره کل امور مالیاتی استان تهران", "Tehran Province Tax Affairs Administration", Layer.Provincial, "national"),
        ("tehran-civil-registration", "اداره کل ثبت احوال استان تهران", "Tehran Province Civil Registration", Layer.Provincial, "national"),
        ("tums", "دانشگاه علوم پزشکی تهران", "Tehran University of Medical Sciences", Layer.Regional, "health"),
        ("sbmu", "دانشگاه علوم پزشکی شهید بهشتی", "Shahid Beheshti University of Medical Sciences", Layer.Regional, "health"),
        ("iums", "دانشگاه علوم پزشکی ایران", "Iran University of Medical Sciences", Layer.Regional, "health"),
        ("social-security-tehran", "اداره کل تأمین اجتماعی استان تهران", "Social Security Organization, Tehran Province", Layer.Regional, "health"),
        ("health-insurance-tehran", "اداره کل بیمه سلامت استان تهران", "Iran Health Insurance, Tehran Province", Layer.Regional, "health"),
        ("moh", "وزارت بهداشت، درمان و آموزش پزشکی", "Ministry of Health and Medical Education", Layer.National, "health"),
        ("mcls", "وزارت تعاون، کار و رفاه اجتماعی", "Ministry of Cooperatives, Labour and Social Welfare", Layer.National, "national"),
        ("mrud", "وزارت راه و شهرسازی", "Ministry of Roads and Urban Development", Layer.National, "national"),
        ("mefa", "وزارت امور اقتصادی و دارایی", "Ministry of Economic Affairs and Finance", Layer.National, "national"),
        ("moe", "وزارت نیرو", "Ministry of Energy", Layer.National, "national"),
        ("customs", "گمرک جمهوری اسلامی ایران", "Islamic Republic of Iran Customs Administration", Layer.National, "national"),
        ("nocr", "سازمان ثبت احوال کشور", "National Organization for Civil Registration", Layer.National, "national"),
    ];

    private static readonly (string Code, string Fa, string En, string Calendar)[] DeskRows =
    [
        ("urban", "میز خدمات شهری", "Urban services desk", HeadquartersCalendar),
        ("utilities", "میز آب، برق و گاز", "Utilities desk", CountiesCalendar),
        ("health", "میز سلامت و رفاه", "Health and welfare desk", HeadquartersCalendar),
        ("national", "میز دستگاه‌های ملی", "National bodies desk", HeadquartersCalendar),
    ];

    private static readonly (string Code, string Fa, string En)[] CategoryRows =
    [
        ("delay", "تأخیر در رسیدگی", "Delay in handling"),
        ("no-response", "عدم پاسخگویی", "No response"),
        ("misconduct", "رفتار نامناسب کارکنان", "Staff misconduct"),
        ("poor-service", "کیفیت نامطلوب خدمات", "Poor service"),
        ("illegal-fee", "دریافت وجه غیرقانونی", "Unlawful fee"),
        ("discrimination", "تبعیض", "Discrimination"),
        ("corruption", "فساد و رشوه", "Corruption and bribery"),
        ("waste", "اتلاف اموال عمومی", "Waste of public property"),
        ("other", "سایر", "Other"),
    ];

    /// <summary>Seeds an empty database; returns false when there was something already.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Calendars.AnyAsync(cancellationToken))
        {
            return false;
        }

        var holidays = OfficialHolidays.Load();
        var calendars = new Dictionary<string, WorkCalendar>
        {
            [HeadquartersCalendar] = NewCalendar(HeadquartersCalendar, "ستاد استان تهران", "Tehran headquarters", holidays, thursday: false),
            [CountiesCalendar] = NewCalendar(CountiesCalendar, "شهرستان‌های استان تهران", "Tehran counties", holidays, thursday: true),
        };
        db.Calendars.AddRange(calendars.Values);

        var desks = DeskRows.ToDictionary(
            d => d.Code,
            d => new Desk { Code = d.Code, NameFa = d.Fa, NameEn = d.En, Calendar = calendars[d.Calendar] });
        db.Desks.AddRange(desks.Values);

        foreach (var (code, fa, en, layer, desk) in AgencyRows)
        {
            db.Agencies.Add(new Agency { Code = code, NameFa = fa, NameEn = en, Layer = layer, Desk = desks[desk] });
        }

        var order = 0;
        foreach (var (code, fa, en) in CategoryRows)
        {
            db.Categories.Add(new Category { Code = code, NameFa = fa, NameEn = en, SortOrder = ++order });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static WorkCalendar NewCalendar(string code, string fa, string en, IReadOnlyList<OfficialHolidays.Row> holidays, bool thursday)
    {
        var ranges = new List<WeeklyRange>();
        foreach (var day in new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday })
        {
            ranges.Add(new WeeklyRange { Day = day, From = new LocalTime(7, 30), To = new LocalTime(14, 30) });
        }

        if (thursday)
        {
            ranges.Add(new WeeklyRange { Day = IsoDayOfWeek.Thursday, From = new LocalTime(7, 30), To = new LocalTime(13, 0) });
        }

        return new WorkCalendar
        {
            Code = code,
            NameFa = fa,
            NameEn = en,
            TimeZone = "Asia/Tehran",
            Schedules = [new WeeklySchedule { EffectiveFrom = ScheduleStart, Ranges = ranges }],
            Holidays = holidays.Select(h => new Holiday
            {
                Date = h.Date,
                NameFa = h.NameFa,
                NameEn = h.NameEn,
                Official = true,
                Tentative = h.Tentative,
            }).ToList(),
        };
    }
}

/// <summary>The official holidays of 1405–1406 shipped with the app (lunar dates of 1406 are tentative).</summary>
public static class OfficialHolidays
{
    public sealed record Row(LocalDate Date, string NameFa, string NameEn, bool Lunar, bool Tentative);

    public static IReadOnlyList<Row> Load()
    {
        using var stream = typeof(OfficialHolidays).Assembly.GetManifestResourceStream("ComplaintConsole.Data.Seed.iran-official-holidays-1405-1406.csv")
            ?? throw new InvalidOperationException("The holiday CSV is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Columns: gregorian_date,jalali_date,name_fa,name_en,kind,confidence.</summary>
    public static IReadOnlyList<Row> Parse(string csv)
    {
        var rows = new List<Row>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length < 6)
            {
                throw new FormatException($"Holiday line has {f.Length} fields, expected 6: {line}");
            }

            var date = LocalDate.FromDateTime(DateTime.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            rows.Add(new Row(date, f[2], f[3], f[4] == "lunar", f[5] != "official"));
        }

        return rows;
    }
}
