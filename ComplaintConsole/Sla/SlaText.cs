using System.Globalization;
using System.Resources;

namespace ComplaintConsole.Sla;

/// <summary>Marker of SlaText.resx (Persian) and SlaText.en.resx, with the lookups the SLA services need.</summary>
public sealed class SlaText
{
    private static readonly ResourceManager Resources = new("ComplaintConsole.Sla.SlaText", typeof(SlaText).Assembly);

    public static CultureInfo Persian { get; } = CultureInfo.GetCultureInfo("fa");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public static string Format(string key, CultureInfo culture, params object[] args)
    {
        var template = Resources.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}

/// <summary>
/// A calendar change a user asked for was refused; nothing was changed. <see cref="Code"/> is stable for machines
/// (problem details), the messages are for people.
/// </summary>
public sealed class CalendarChangeException : Exception
{
    public CalendarChangeException(string code, params object[] args)
        : base(SlaText.Format(code, SlaText.English, args))
    {
        Code = code;
        Arguments = args;
        MessageFa = SlaText.Format(code, SlaText.Persian, args);
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }

    public string MessageFa { get; }

    public string MessageEn => Message;
}
