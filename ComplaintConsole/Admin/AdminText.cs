using System.Globalization;
using System.Resources;

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
    public static BilingualMessage Of(string key, params object[] args) =>
        new(Calendar.Jalali.ToPersianDigits(AdminText.Format(key, AdminText.Persian, args)), AdminText.Format(key, AdminText.English, args));

    public static BilingualMessage Of(Sla.CalendarChangeException refusal) => new(refusal.MessageFa, refusal.MessageEn);
}
