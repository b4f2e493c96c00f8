using System.Security.Cryptography;
using System.Text;

namespace ComplaintConsole.Intake;

/// <summary>
/// کد رهگیری: eight random symbols and a check symbol from a 29-symbol alphabet without look- or sound-alikes
/// (no 0/O, 1/I/L... see <see cref="Alphabet"/>). Random, so a code says nothing about how many complaints exist;
/// 29^8 ≈ 5×10^11 codes keep collisions rare (they are retried at insert). The check symbol is a position-weighted sum
/// modulo the prime 29, which catches every single wrong symbol and every swap of two neighbours.
/// </summary>
public static class TrackingCodes
{
    public const string Alphabet = "23456789ACDEFGHJKMNPQRTUVWXYZ";
    public const int RandomLength = 8;
    public const int Length = RandomLength + 1;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < RandomLength; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        chars[RandomLength] = CheckSymbol(chars[..RandomLength]);
        return new string(chars);
    }

    /// <summary>"K7M4QX9TA" as "K7M-4QX-9TA" for reading aloud and display.</summary>
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..3]}-{code[3..6]}-{code[6..]}" : code;

    /// <summary>What a person typed (any case, Persian digits, dashes, spaces) as a stored code, or null if it cannot be one.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in PersianText.DigitsToAscii(PersianText.Clean(text)))
        {
            if (char.IsWhiteSpace(raw) || raw is '-' or '_' or '.')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw);
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(c);
        }

        var code = builder.ToString();
        return code.Length == Length && CheckSymbol(code.AsSpan(0, RandomLength)) == code[RandomLength] ? code : null;
    }

    public static bool IsValid(string? code) => code is not null && Normalize(code) == code;

    internal static char CheckSymbol(ReadOnlySpan<char> symbols)
    {
        var sum = 0;
        for (var i = 0; i < symbols.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(symbols[i], StringComparison.Ordinal);
        }

        return Alphabet[sum % Alphabet.Length];
    }
}

/// <summary>The secret an anonymous reporter is shown once; only its hash is stored.</summary>
public static class TrackingSecrets
{
    private const int SecretLength = 12;

    public static string NewSecret()
    {
        Span<char> chars = stackalloc char[SecretLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = TrackingCodes.Alphabet[RandomNumberGenerator.GetInt32(TrackingCodes.Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>"ABCD-EFGH-JKMN" for display.</summary>
    public static string Format(string secret) =>
        secret.Length == SecretLength ? $"{secret[..4]}-{secret[4..8]}-{secret[8..]}" : secret;

    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = new string(PersianText.DigitsToAscii(PersianText.Clean(text))
            .Where(c => !char.IsWhiteSpace(c) && c != '-')
            .Select(char.ToUpperInvariant)
            .ToArray());
        return normalized.Length == SecretLength ? normalized : null;
    }

    // The secret has ~58 bits of entropy from a CSPRNG, so a plain SHA-256 is enough (no password stretching).
    public static string Hash(string normalizedSecret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedSecret)));

    public static bool Matches(string? storedHash, string? typed)
    {
        var normalized = Normalize(typed);
        if (storedHash is null || normalized is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(normalized)));
    }
}
