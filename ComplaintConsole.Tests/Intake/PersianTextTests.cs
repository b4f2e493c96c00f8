using ComplaintConsole.Intake;

namespace ComplaintConsole.Tests.Intake;

public sealed class PersianTextTests
{
    [Fact]
    public void Clean_ArabicLettersAndBidiControls_FoldedAndStripped()
    {
        var result = PersianText.Clean("  \u202Bعلي كريمي\u202C\u200F ");

        Assert.Equal("علی کریمی", result);
    }

    [Fact]
    public void Clean_ZwnjInStoredText_Kept()
    {
        Assert.Equal("می‌خواهم", PersianText.Clean("مي‌خواهم"));
    }

    [Fact]
    public void SearchKey_VariantsOfOneText_ShareOneKey()
    {
        var keys = new[] { "مي‌خواهم ۱۲", "میخواهم 12", "می‌خواهم  ١٢", "مــیخواهم، 12" }.Select(t => PersianText.SearchKey(t)).Distinct();

        Assert.Equal("میخواهم 12", Assert.Single(keys));
    }

    [Theory]
    [InlineData("0012345679", true)]
    [InlineData("0499370899", true)]
    [InlineData("0790419904", true)]
    [InlineData("0012345678", false)]
    [InlineData("1111111111", false)]
    [InlineData("0000000000", false)]
    [InlineData("001234567", false)]
    public void IsValidNationalCode_Checksum(string code, bool valid)
    {
        Assert.Equal(valid, PersianText.IsValidNationalCode(code));
    }

    [Theory]
    [InlineData("۰۰۱۲۳۴۵۶۷۹", "0012345679")]
    [InlineData("001-234567-9", "0012345679")]
    [InlineData("12345", null)]
    [InlineData("00123456a9", null)]
    public void NationalCodeDigits_AnyScript(string text, string? digits)
    {
        Assert.Equal(digits, PersianText.NationalCodeDigits(text));
    }

    [Theory]
    [InlineData("09121234567", "+989121234567")]
    [InlineData("9121234567", "+989121234567")]
    [InlineData("+989121234567", "+989121234567")]
    [InlineData("00989121234567", "+989121234567")]
    [InlineData("989121234567", "+989121234567")]
    [InlineData("۰۹۱۲-۱۲۳-۴۵۶۷", "+989121234567")]
    [InlineData("٠٩١٢ ١٢٣ ٤٥٦٧", "+989121234567")]
    [InlineData("(0912) 123.4567", "+989121234567")]
    [InlineData("02188776655", null)]
    [InlineData("0912123456", null)]
    [InlineData("091212345678", null)]
    [InlineData("+19121234567", null)]
    [InlineData("0912123456x", null)]
    [InlineData("", null)]
    public void NormalizeMobile_WrittenForms(string text, string? expected)
    {
        Assert.Equal(expected, PersianText.NormalizeMobile(text));
    }
}
