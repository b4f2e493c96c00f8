using System.Globalization;
using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Board;

/// <summary>Figures as users read them: Persian digits in the Persian UI, hours:minutes for waits, whole percentages.</summary>
public static class BoardFormat
{
    private static bool Persian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";

    public static string Number(long value) =>
        Persian ? Jalali.ToPersianDigits(value) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>۲:۰۵ — short enough to read across a room.</summary>
    public static string Wait(Duration wait)
    {
        var minutes = Math.Max(0, (long)Math.Floor(wait.TotalMinutes));
        var text = string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");
        return Persian ? Jalali.ToPersianDigits(text) : text;
    }

    public static string Percent(DeadlineShare share, string none) =>
        share.Share is { } s ? (Persian ? "٪" + Number((long)Math.Round(s * 100)) : Number((long)Math.Round(s * 100)) + "%") : none;

    public static string Name(string fa, string en) => Persian || string.IsNullOrEmpty(en) ? fa : en;
}
