using ComplaintConsole.Calendar;
using NodaTime;
using static ComplaintConsole.Tests.Calendar.EngineCalendars;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Calendar;

public sealed class JalaliTests
{
    [Theory]
    [InlineData("2026-12-05", "۱۴۰۵/۰۹/۱۴")]
    [InlineData("2026-03-21", "۱۴۰۵/۰۱/۰۱")] // Nowruz 1405
    [InlineData("2027-03-20", "۱۴۰۵/۱۲/۲۹")] // 1405 is not a leap year
    [InlineData("2027-03-21", "۱۴۰۶/۰۱/۰۱")] // equinox after noon Tehran time on 03-20: Nowruz is the 21st
    [InlineData("2028-03-19", "۱۴۰۶/۱۲/۲۹")]
    [InlineData("2028-03-20", "۱۴۰۷/۰۱/۰۱")]
    [InlineData("2025-03-20", "۱۴۰۳/۱۲/۳۰")] // 1403 is a leap year
    public void FormatDate_GregorianDate_AstronomicalJalaliWithPersianDigits(string iso, string expected)
    {
        var date = Date(iso);

        var text = Jalali.FormatDate(date);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("2026-12-05", "شنبه ۱۴ آذر ۱۴۰۵")]
    [InlineData("2026-12-08", "سه‌شنبه ۱۷ آذر ۱۴۰۵")] // with ZWNJ
    [InlineData("2026-03-21", "شنبه ۱ فروردین ۱۴۰۵")] // day without a leading zero
    [InlineData("2027-03-19", "جمعه ۲۸ اسفند ۱۴۰۵")]
    public void FormatLongDate_GregorianDate_WeekdayDayMonthYear(string iso, string expected)
    {
        var date = Date(iso);

        var text = Jalali.FormatLongDate(date);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void FormatDateTime_InstantInTehran_ShowsLocalJalaliDateAndTime()
    {
        var instant = Instant.FromUtc(2026, 12, 5, 6, 30);

        var shortText = Jalali.FormatDateTime(instant, Tehran);
        var longText = Jalali.FormatLongDateTime(instant, Tehran);

        Assert.Equal("۱۴۰۵/۰۹/۱۴ ۱۰:۰۰", shortText);
        Assert.Equal("شنبه ۱۴ آذر ۱۴۰۵، ساعت ۱۰:۰۰", longText);
    }

    [Fact]
    public void FormatDateTime_InstantAfterUtcMidnightEdge_UsesTehranDate()
    {
        // 21:00 UTC on 2026-12-04 is already 00:30 on Saturday in Tehran.
        var instant = Instant.FromUtc(2026, 12, 4, 21, 0);

        var text = Jalali.FormatDateTime(instant, Tehran);

        Assert.Equal("۱۴۰۵/۰۹/۱۴ ۰۰:۳۰", text);
    }

    [Theory]
    [InlineData(135, "۲ ساعت و ۱۵ دقیقه")]
    [InlineData(120, "۲ ساعت")]
    [InlineData(40, "۴۰ دقیقه")]
    [InlineData(0, "۰ دقیقه")]
    [InlineData(-5, "۰ دقیقه")]
    public void FormatDuration_Minutes_PersianHoursAndMinutes(int minutes, string expected)
    {
        var duration = Duration.FromMinutes(minutes);

        var text = Jalali.FormatDuration(duration);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("1405/09/14")]
    [InlineData("۱۴۰۵/۰۹/۱۴")] // Persian digits
    [InlineData("۱۴۰۵/۹/۱۴")] // without leading zero
    [InlineData("١٤٠٥/٠٩/١٤")] // Arabic-Indic digits
    [InlineData("١٤٠٥-٠٩-١٤")]
    [InlineData("1405.9.14")]
    [InlineData("۱۴05/09/۱۴")] // mixed digits, as pasted from different keyboards
    [InlineData("  ۱۴۰۵/۰۹/۱۴  ")]
    public void TryParseDate_TypedInAnyDigits_ReturnsIsoDate(string text)
    {
        var parsed = Jalali.TryParseDate(text, out var date);

        Assert.True(parsed);
        Assert.Equal(new LocalDate(2026, 12, 5), date);
        Assert.Equal(CalendarSystem.Iso, date.Calendar);
    }

    [Theory]
    [InlineData("1403/12/30", "2025-03-20")] // leap year
    [InlineData("1405/06/31", "2026-09-22")] // the first six months have 31 days
    [InlineData("1406/01/01", "2027-03-21")]
    public void TryParseDate_LastDaysOfMonths_ReturnsIsoDate(string text, string iso)
    {
        var parsed = Jalali.TryParseDate(text, out var date);

        Assert.True(parsed);
        Assert.Equal(Date(iso), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1405/12/30")] // 1405 is not a leap year
    [InlineData("1405/07/31")] // Mehr has 30 days
    [InlineData("1405/13/01")]
    [InlineData("1405/00/10")]
    [InlineData("1405/01/00")]
    [InlineData("05/09/14")] // two-digit year
    [InlineData("14050/09/14")]
    [InlineData("1299/01/01")]
    [InlineData("1405/09")]
    [InlineData("1405/09/14/01")]
    [InlineData("1405//14")]
    [InlineData("+1405/09/14")]
    [InlineData("1405/09/14 10:00")]
    [InlineData("2026-12-05")] // a Gregorian date is not silently read as Jalali
    public void TryParseDate_InvalidText_ReturnsFalse(string? text)
    {
        var parsed = Jalali.TryParseDate(text, out var date);

        Assert.False(parsed);
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParseDate_EveryFormattedDateOf1405And1406_RoundTrips()
    {
        var first = new LocalDate(2026, 3, 21);
        var days = Period.Between(first, new LocalDate(2028, 3, 20), PeriodUnits.Days).Days;

        var failures = Enumerable.Range(0, days)
            .Select(first.PlusDays)
            .Where(d => !Jalali.TryParseDate(Jalali.FormatDate(d), out var back) || back != d)
            .ToList();

        Assert.Equal(730, days); // 1405 and 1406 both have 365 days
        Assert.Empty(failures);
    }

    [Fact]
    public void ToPersianDigits_MixedText_ReplacesOnlyAsciiDigits()
    {
        var text = "Case 2026-12/05 ok";

        var persian = Jalali.ToPersianDigits(text);

        Assert.Equal("Case ۲۰۲۶-۱۲/۰۵ ok", persian);
        Assert.Equal("۱۴۰۵", Jalali.ToPersianDigits(1405L));
    }

    [Fact]
    public void NormalizeDigits_PersianAndArabicIndic_BecomeAscii()
    {
        var text = "۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ abc";

        var ascii = Jalali.NormalizeDigits(text);

        Assert.Equal("0123456789 0123456789 abc", ascii);
    }

    [Theory]
    [InlineData(1, "فروردین")]
    [InlineData(9, "آذر")]
    [InlineData(12, "اسفند")]
    public void MonthName_MonthNumber_PersianName(int month, string expected)
    {
        var name = Jalali.MonthName(month);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(IsoDayOfWeek.Saturday, "شنبه")]
    [InlineData(IsoDayOfWeek.Thursday, "پنجشنبه")]
    [InlineData(IsoDayOfWeek.Friday, "جمعه")]
    public void DayName_Weekday_PersianName(IsoDayOfWeek day, string expected)
    {
        var name = Jalali.DayName(day);

        Assert.Equal(expected, name);
    }
}
