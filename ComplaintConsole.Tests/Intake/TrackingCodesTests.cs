using ComplaintConsole.Intake;

namespace ComplaintConsole.Tests.Intake;

public sealed class TrackingCodesTests
{
    [Fact]
    public void Alphabet_HasNoLookOrSoundAlikes()
    {
        Assert.DoesNotContain(TrackingCodes.Alphabet, c => "01OILSB".Contains(c));
        Assert.Equal(29, TrackingCodes.Alphabet.Distinct().Count());
    }

    [Fact]
    public void NewCode_ManyCodes_ValidShortAndDistinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCodes.NewCode()).ToList();

        Assert.All(codes, c => Assert.True(TrackingCodes.IsValid(c) && c.Length == 9));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Normalize_EverySingleSubstitution_Rejected()
    {
        var code = TrackingCodes.NewCode();

        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in TrackingCodes.Alphabet.Where(c => c != code[i]))
            {
                var typo = code[..i] + c + code[(i + 1)..];
                Assert.Null(TrackingCodes.Normalize(typo));
            }
        }
    }

    [Fact]
    public void Normalize_EveryNeighbourSwap_Rejected()
    {
        for (var n = 0; n < 200; n++)
        {
            var code = TrackingCodes.NewCode();
            for (var i = 0; i < code.Length - 1; i++)
            {
                if (code[i] != code[i + 1])
                {
                    var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                    Assert.Null(TrackingCodes.Normalize(swapped));
                }
            }
        }
    }

    [Fact]
    public void Normalize_AsPeopleTypeIt_Accepted()
    {
        var code = TrackingCodes.NewCode();
        var persianDigits = string.Concat(TrackingCodes.Format(code).ToLowerInvariant().Select(c => c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c));

        Assert.Equal(code, TrackingCodes.Normalize(persianDigits));
        Assert.Equal(code, TrackingCodes.Normalize($" {code[..3]} {code[3..6]} {code[6..]} "));
    }
}
