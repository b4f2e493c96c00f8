namespace ComplaintConsole.Desks;

/// <summary>Masks the citizen's national code and mobile: enough to confirm on the phone, not enough to identify.</summary>
public static class PersonalData
{
    public static string? MaskNationalCode(string? code) =>
        string.IsNullOrEmpty(code) ? code : code.Length <= 3 ? new string('•', code.Length) : new string('•', code.Length - 3) + code[^3..];

    /// <summary>+989121234567 → 0912•••4567.</summary>
    public static string? MaskMobile(string? mobile)
    {
        if (string.IsNullOrEmpty(mobile))
        {
            return mobile;
        }

        var local = ToLocal(mobile);
        return local.Length < 8 ? new string('•', local.Length) : local[..4] + new string('•', local.Length - 8) + local[^4..];
    }

    /// <summary>+989121234567 → 09121234567, the form operators dial.</summary>
    public static string ToLocal(string mobile) => mobile.StartsWith("+98", StringComparison.Ordinal) ? "0" + mobile[3..] : mobile;
}
