using System.Text;

namespace ComplaintConsole.Management;

/// <summary>
/// Turns what a manager types into the form of <see cref="Domain.Complaint.SearchKey"/>: Arabic Yeh/Kaf folded to
/// Persian, ZWNJ, tatweel and harakat dropped, digits to ASCII, lower case, runs of spaces and punctuation to one space.
/// This must stay the intake normaliser's rule; once Intake/PersianText lands in main this delegates to
/// <c>PersianText.SearchKey</c> (the one place to change).
/// </summary>
public static class ManageSearch
{
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u064A' or '\u0649' => '\u06CC',
                '\u0643' => '\u06A9',
                >= '۰' and <= '۹' => (char)('0' + (raw - '۰')),
                >= '٠' and <= '٩' => (char)('0' + (raw - '٠')),
                _ => raw,
            };
            if (c is '\u200C' or '\u0640' or '\u200E' or '\u200F' or '\u061C' || c is >= '\u064B' and <= '\u0652' || c == '\u0670'
                || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A typed tracking code (any digit script, spaces and dashes ignored), upper case; null when it cannot be one.</summary>
    public static string? TrackingCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(16);
        foreach (var raw in Calendar.Jalali.NormalizeDigits(text.Trim()))
        {
            if (raw is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(raw))
            {
                return null;
            }

            builder.Append(char.ToUpperInvariant(raw));
        }

        return builder.Length is >= 6 and <= 16 && builder.ToString().Any(char.IsAsciiDigit) ? builder.ToString() : null;
    }
}
