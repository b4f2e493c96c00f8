using System.Globalization;
using System.Text;

namespace ComplaintConsole.Intake;

/// <summary>
/// The one place where Persian input is normalised. Stored text keeps what the citizen typed, except that Arabic
/// Yeh/Kaf become Persian and invisible bidi controls (a spoofing vector) are removed; search keys also fold digits,
/// ZWNJ, tatweel, diacritics, case and whitespace so that "مي‌خواهم ۱۲" finds "میخواهم 12".
/// </summary>
public static class PersianText
{
    private const char Zwnj = '\u200C';

    /// <summary>Stored form: trimmed, Arabic Yeh/Kaf folded to Persian, bidi controls and NULs stripped.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c) || c == '\0')
            {
                continue;
            }

            builder.Append(FoldLetter(c));
        }

        return builder.ToString().Trim();
    }

    /// <summary>Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; everything else unchanged.</summary>
    public static string DigitsToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(AsciiDigit(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The normalised search key of one or more texts: what <see cref="Domain.Complaint.SearchKey"/> holds, and what a
    /// search box should apply to its query before matching with a plain substring test.
    /// </summary>
    public static string SearchKey(params string?[] parts)
    {
        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            pendingSpace = builder.Length > 0;
            foreach (var raw in part)
            {
                var c = AsciiDigit(FoldLetter(raw));
                if (IsBidiControl(c) || c is Zwnj or '\u0640' || c is >= '\u064B' and <= '\u0652' || c == '\u0670')
                {
                    // ZWNJ joins: "می‌خواهم", "میخواهم" share one key. Tatweel and harakat are decoration.
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
        }

        return builder.ToString();
    }

    /// <summary>
    /// An Iranian mobile number in any written form (09…, 9…, +98…, 0098…, 98…, Persian or Arabic digits, spaces,
    /// dashes, dots, brackets) as <c>+989xxxxxxxxx</c>; null when it is not one.
    /// </summary>
    public static string? NormalizeMobile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(16);
        var cleaned = Clean(text);
        for (var i = 0; i < cleaned.Length; i++)
        {
            var c = AsciiDigit(cleaned[i]);
            if (c is >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c == '+' && builder.Length == 0)
            {
                builder.Append("00");
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212'))
            {
                return null;
            }
        }

        var digits = builder.ToString();
        var national = digits switch
        {
            { Length: 14 } when digits.StartsWith("00989", StringComparison.Ordinal) => digits[4..],
            { Length: 12 } when digits.StartsWith("989", StringComparison.Ordinal) => digits[2..],
            { Length: 11 } when digits.StartsWith("09", StringComparison.Ordinal) => digits[1..],
            { Length: 10 } when digits.StartsWith('9') => digits,
            _ => null,
        };
        return national is null ? null : "+98" + national;
    }

    /// <summary>National code digits (any digit script, spaces and dashes ignored); null unless exactly ten digits.</summary>
    public static string? NationalCodeDigits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(10);
        foreach (var raw in Clean(text))
        {
            var c = AsciiDigit(raw);
            if (c is >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (!(char.IsWhiteSpace(c) || c == '-'))
            {
                return null;
            }
        }

        return builder.Length == 10 ? builder.ToString() : null;
    }

    /// <summary>کد ملی: ten digits, not all equal, and the eleven-weighted check digit matches.</summary>
    public static bool IsValidNationalCode(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || digits.All(c => c == digits[0]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        var check = digits[9] - '0';
        return remainder < 2 ? check == remainder : check == 11 - remainder;
    }

    /// <summary>Counts text elements (what a person sees as characters), so limits match what was typed.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    private static char FoldLetter(char c) => c switch
    {
        '\u064A' or '\u0649' => '\u06CC', // Arabic Yeh, Alef Maksura -> Persian Yeh
        '\u0643' => '\u06A9', // Arabic Kaf -> Persian Keheh
        _ => c,
    };

    private static char AsciiDigit(char c) => c switch
    {
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        _ => c,
    };

    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
