using System.Globalization;
using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Admin;

/// <summary>Times and open ranges as administrators type them (Persian or ASCII digits) and read them (Persian digits).</summary>
public static class AdminInput
{
    /// <summary>Saturday first, as Iranian weeks are read.</summary>
    public static readonly IsoDayOfWeek[] Week =
    [
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday,
        IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    ];

    // "۰۷:۳۰ تا ۱۴:۳۰" reads unambiguously right to left, where a dash between two times does not.
    private const string RangeWord = " تا ";

    /// <summary>"7:30", "07:30" or "۰۷:۳۰"; "8" is 08:00.</summary>
    public static bool TryParseTime(string? text, out LocalTime time)
    {
        time = default;
        var parts = Jalali.NormalizeDigits((text ?? "").Trim()).Replace('٫', ':').Split(':');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || parts[0].Length > 2 || hour > 23)
        {
            return false;
        }

        var minute = 0;
        if (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59))
        {
            return false;
        }

        time = new LocalTime(hour, minute);
        return true;
    }

    /// <summary>"07:30-12:00، 13:00-14:30" or "۰۷:۳۰ تا ۱۲:۰۰"; empty text is a closed day. False when a range is malformed or empty.</summary>
    public static bool TryParseRanges(string? text, out IReadOnlyList<OpenRange> ranges)
    {
        var list = new List<OpenRange>();
        ranges = list;
        foreach (var part in (text ?? "").Split([',', '،', ';', '؛'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Replace(RangeWord.Trim(), "-", StringComparison.Ordinal).Split(['-', '–', '—'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseTime(ends[0], out var from) || !TryParseTime(ends[1], out var to) || to <= from)
            {
                return false;
            }

            list.Add(new OpenRange(from, to));
        }

        list.Sort((a, b) => a.From.CompareTo(b.From));
        return true;
    }

    public static string FormatRanges(IEnumerable<OpenRange> ranges) =>
        string.Join("، ", ranges.Select(r => Jalali.FormatTime(r.From) + RangeWord + Jalali.FormatTime(r.To)));
}
