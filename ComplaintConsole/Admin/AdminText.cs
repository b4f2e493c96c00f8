using System.Globalization;
using System.Resources;
using ComplaintConsole.Calendar;
using NodaTime;

namespace ComplaintConsole.Admin;

/// <summary>
/// Marker for AdminText.resx (Persian) and AdminText.en.resx (English). Errors are shown in both languages at once,
/// so they are looked up per culture here rather than through the request's culture.
/// </summary>
public sealed class AdminText
{
    private static readonly ResourceManager Resources = new("ComplaintConsole.Admin.AdminText", typeof(AdminText).Assembly);

    public static CultureInfo Persian { get; } = CultureInfo.GetCultureInfo("fa");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static string Format(string key, CultureInfo culture, params object[] args)
    {
        var template = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}

/// <summary>A message a user caused, Persian first and English second.</summary>
public sealed record BilingualMessage(string Fa, string En)
{
    /// <summary>Numbers and dates among <paramref name="args"/> are written in Persian digits in the Persian text; text is echoed as typed.</summary>
    public static BilingualMessage Of(string key, params object[] args) =>
        new(AdminText.Format(key, AdminText.Persian, [.. args.Select(Persian)]), AdminText.Format(key, AdminText.English, [.. args.Select(English)]));

    /// <summary>Like <see cref="Of(string, object[])"/>, with arguments given per language (names of agencies and desks).</summary>
    public static BilingualMessage OfEach(string key, object[] fa, object[] en) =>
        new(AdminText.Format(key, AdminText.Persian, [.. fa.Select(Persian)]), AdminText.Format(key, AdminText.English, [.. en.Select(English)]));

    /// <summary>This message followed by <paramref name="next"/>, in each language.</summary>
    public BilingualMessage Then(BilingualMessage next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(Fa + " " + next.Fa, En + " " + next.En);
    }

    public static BilingualMessage Of(Sla.CalendarChangeException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.MessageFa, refusal.MessageEn);
    }

    private static object Persian(object arg) => arg switch
    {
        int or long => Jalali.ToPersianDigits(Convert.ToInt64(arg, CultureInfo.InvariantCulture)),
        LocalDate date => Jalali.FormatDate(date),
        _ => arg,
    };

    private static object English(object arg) => arg switch
    {
        LocalDate date => date.WithCalendar(Jalali.Calendar).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        _ => arg,
    };
}
