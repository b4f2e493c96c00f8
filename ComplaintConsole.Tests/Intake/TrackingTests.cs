using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintConsole.Tests.Intake;

/// <summary>Tracking lookups on the real database: the right pair finds it; any wrong part gives the same "not found".</summary>
public sealed class TrackingTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    private IntakeService Intake => app.Services.GetRequiredService<IntakeService>();

    [Theory]
    [InlineData("09121234567")]
    [InlineData("+98 912 123 4567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    public async Task Track_CodeWithComplainantsMobile_ShowsStatusDeadlineAndPublicTimeline(string mobile)
    {
        var receipt = await FileAsync(anonymous: false);

        var result = await Intake.TrackAsync(receipt.FormattedCode.ToLowerInvariant(), mobile, "tracker");

        var view = Assert.IsType<TrackResult.Found>(result).View;
        Assert.Equal(receipt.TrackingCode, view.TrackingCode);
        Assert.Equal(ComplaintStatus.New, view.Status);
        Assert.Equal(receipt.ResponseDue, view.ResponseDue);
        Assert.Equal("tehran-electricity", view.Agency!.Code);
        var entry = Assert.Single(view.Timeline);
        Assert.Equal(ComplaintEventKind.Received, entry.Kind);
    }

    [Fact]
    public async Task Track_WrongMobileOrWrongCode_SameNotFound()
    {
        var receipt = await FileAsync(anonymous: false);
        var other = TrackingCodes.NewCode();

        var wrongMobile = await Intake.TrackAsync(receipt.TrackingCode, "09351112233", "tracker");
        var wrongCode = await Intake.TrackAsync(other, "09121234567", "tracker");
        var badCheckDigit = await Intake.TrackAsync(receipt.TrackingCode[..8] + (receipt.TrackingCode[8] == '2' ? '3' : '2'), "09121234567", "tracker");
        var empty = await Intake.TrackAsync(receipt.TrackingCode, "", "tracker");

        Assert.All(new[] { wrongMobile, wrongCode, badCheckDigit, empty }, r => Assert.IsType<TrackResult.NotFound>(r));
    }

    [Fact]
    public async Task Track_AnonymousReportWithSecret_FoundAndWithoutItNotFound()
    {
        var receipt = await FileAsync(anonymous: true);

        var withSecret = await Intake.TrackAsync(receipt.TrackingCode, receipt.FormattedSecret!.ToLowerInvariant(), "tracker");
        var wrongSecret = await Intake.TrackAsync(receipt.TrackingCode, TrackingSecrets.NewSecret(), "tracker");
        var aMobile = await Intake.TrackAsync(receipt.TrackingCode, "09121234567", "tracker");

        Assert.IsType<TrackResult.Found>(withSecret);
        Assert.IsType<TrackResult.NotFound>(wrongSecret);
        Assert.IsType<TrackResult.NotFound>(aMobile);
    }

    private async Task<IntakeReceipt> FileAsync(bool anonymous)
    {
        var request = new IntakeRequest
        {
            Kind = anonymous ? ComplaintKind.Report : ComplaintKind.Complaint,
            AgencyCode = "tehran-electricity",
            CategoryCode = anonymous ? "corruption" : "no-response",
            Subject = "قطعی مکرر برق بدون اطلاع",
            Description = "در یک هفته گذشته پنج بار برق محله بدون اطلاع قبلی قطع شده است.",
            Name = anonymous ? null : "رضا کریمی",
            NationalCode = anonymous ? null : "0012345679",
            Mobile = anonymous ? null : "09121234567",
        };
        var filed = Assert.IsType<IntakeResult.Filed>(await Intake.SubmitAsync(request, IntakeSource.Web("filer")));
        Assert.Equal(anonymous, filed.Receipt.Secret is not null);
        return filed.Receipt;
    }
}
