using System.Globalization;
using System.Text;
using NodaTime;

namespace ComplaintConsole.Calendar;

/// <summary>
/// Jalali (Solar Hijri) text for the UI: what users read and type. .NET's fa-IR formatting uses ASCII digits and no
/// ZWNJ, so the text is built here. Month and weekday names are calendar data, not UI copy, hence kept in code.
/// </summary>
public static class Jalali
{
    // Iran's official calendar follows the astronomical vernal equinox.
    public static readonly CalendarSystem Calendar = CalendarSystem.PersianAstronomical;

    private static readonly string[] MonthNames =
    [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ];

    // Indexed by IsoDayOfWeek (Monday = 1 ... Sunday = 7).
    private static readonly string[] DayNames =
    [
        "", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه",
    ];

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string DayName(IsoDayOfWeek day) => DayNames[(int)day];

    /// <summary>۱۴۰۵/۰۹/۱۴</summary>
    public static string FormatDate(LocalDate date)
    {
        var j = date.WithCalendar(Calendar);
        return ToPersianDigits(string.Create(CultureInfo.InvariantCulture, $"{j.Year:0000}/{j.Month:00}/{j.Day:00}"));
    }

    /// <summary>شنبه ۱۴ آذر ۱۴۰۵</summary>
    public static string FormatLongDate(LocalDate date)
    {
        var j = date.WithCalendar(Calendar);
        return ToPersianDigits(string.Create(CultureInfo.InvariantCulture, $"{DayName(date.DayOfWeek)} {j.Day} {MonthName(j.Month)} {j.Year}"));
    }

    /// <summary>۰۷:۳۰</summary>
    public static string FormatTime(LocalTime time) =>
        ToPersianDigits(string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00}:{time.Minute:00}"));

    /// <summary>۱۴۰۵/۰۹/۱۴ ۰۷:۳۰ in the given zone.</summary>
    public static string FormatDateTime(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return $"{FormatDate(local.Date)} {FormatTime(local.TimeOfDay)}";
    }

    /// <summary>شنبه ۱۴ آذر ۱۴۰۵، ساعت ۰۷:۳۰ in the given zone.</summary>
    public static string FormatLongDateTime(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return $"{FormatLongDate(local.Date)}، ساعت {FormatTime(local.TimeOfDay)}";
    }

    /// <summary>Business or elapsed time as "۲ ساعت ۱۵ دقیقه", "۴۰ دقیقه".</summary>
    public static string FormatDuration(Duration duration)
    {
        var minutes = (long)Math.Floor(duration.TotalMinutes);
        if (minutes < 0)
        {
            minutes = 0;
        }

        var hours = minutes / 60;
        var rest = minutes % 60;
        var text = hours switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"{rest} دقیقه"),
            _ when rest == 0 => string.Create(CultureInfo.InvariantCulture, $"{hours} ساعت"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours} ساعت و {rest} دقیقه"),
        };
        return ToPersianDigits(text);
    }

    /// <summary>
    /// Parses a Jalali date typed as 1405/09/14, ۱۴۰۵/۹/۱۴, ١٤٠٥-٠٩-١٤ or 1405.9.14 (year first) into the ISO date.
    /// </summary>
    public static bool TryParseDate(string? text, out LocalDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = NormalizeDigits(text.Trim()).Split(['/', '-', '.'], StringSplitOptions.None);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || parts[0].Length != 4 || year < 1300 || year > 1500 || month is < 1 or > 12 || day < 1
            || day > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day, Calendar).WithCalendar(CalendarSystem.Iso);
        return true;
    }

    public static string ToPersianDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c);
        }

        return builder.ToString();
    }

    public static string ToPersianDigits(long value) => ToPersianDigits(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; everything else unchanged.</summary>
    public static string NormalizeDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                _ => c,
            });
        }

        return builder.ToString();
    }
}
