using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ComplaintConsole.Board;

/// <summary>Checks a wallboard token against Board:WallboardTokens in constant time (hashes first, so lengths match).</summary>
public sealed class WallboardAccess(IOptionsMonitor<BoardOptions> options)
{
    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var valid = false;
        foreach (var configured in options.CurrentValue.WallboardTokens)
        {
            if (string.IsNullOrEmpty(configured))
            {
                continue;
            }

            // No early exit: every configured token is compared, so timing does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(offered, SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
        }

        return valid;
    }
}
