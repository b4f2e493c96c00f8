using System.Globalization;
using Bunit;
using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintConsole.Tests.Intake;

public sealed class ComplaintFormTests : MudBunitContext
{
    private readonly FakeIntakeService _intake = new();

    public ComplaintFormTests()
    {
        Services.AddSingleton<IIntakeService>(_intake);
    }

    [Fact]
    public void Submit_EmptyForm_ShowsPersianMessageForEveryRequiredFieldAndSendsNothing()
    {
        var cut = RenderWithPopovers<ComplaintForm>();

        cut.Find("form").Submit();

        var text = cut.Markup;
        Assert.Contains("دستگاه اجرایی را انتخاب کنید.", text);
        Assert.Contains("موضوع کلی (دسته) را انتخاب کنید.", text);
        Assert.Contains("عنوان را بنویسید.", text);
        Assert.Contains("شرح ماجرا را بنویسید.", text);
        Assert.Contains("نام و نام خانوادگی را بنویسید.", text);
        Assert.Contains("کد ملی را بنویسید.", text);
        Assert.Contains("شمارهٔ تلفن همراه را بنویسید.", text);
        Assert.Contains("چند مورد را اصلاح کنید.", cut.Find("[data-testid=form-error]").TextContent);
        Assert.Empty(_intake.Submitted);
    }

    [Theory]
    [InlineData("0012345678", "کد ملی معتبر نیست؛ رقم‌ها را دوباره بررسی کنید.")]
    [InlineData("1111111111", "کد ملی معتبر نیست؛ رقم‌ها را دوباره بررسی کنید.")]
    [InlineData("12345", "کد ملی باید ۱۰ رقم باشد.")]
    public async Task Submit_BadNationalCode_ShowsWhatIsWrong(string nationalCode, string message)
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);

        Input(cut, "national-code").Change(nationalCode);
        cut.Find("form").Submit();

        Assert.Contains(message, cut.Markup);
        Assert.Empty(_intake.Submitted);
    }

    [Theory]
    [InlineData("0812345678")]
    [InlineData("+1 555 0100")]
    [InlineData("0912-abc-4567")]
    public async Task Submit_BadMobile_ShowsFormatMessage(string mobile)
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);

        Input(cut, "mobile").Change(mobile);
        cut.Find("form").Submit();

        Assert.Contains("شمارهٔ همراه باید به شکل ۰۹xxxxxxxxx باشد.", cut.Markup);
        Assert.Empty(_intake.Submitted);
    }

    [Fact]
    public async Task Submit_ShortSubjectAndDescription_ShowsLengthMessages()
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);

        Input(cut, "subject").Change("کوتاه"[..3]);
        Input(cut, "description").Change("خیلی کوتاه");
        cut.Find("form").Submit();

        Assert.Contains("عنوان دست‌کم ۵ نویسه باشد.", cut.Markup);
        Assert.Contains("شرح دست‌کم ۲۰ نویسه باشد تا کارشناس بتواند رسیدگی کند.", cut.Markup);
        Assert.Empty(_intake.Submitted);
    }

    [Fact]
    public async Task Submit_AfterFixingField_MessageDisappearsAsTyped()
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);
        Input(cut, "mobile").Change("123");
        cut.Find("form").Submit();
        Assert.Contains("شمارهٔ همراه باید", cut.Markup);

        Input(cut, "mobile").Change("۰۹۱۲ ۱۲۳ ۴۵۶۷");

        Assert.DoesNotContain("شمارهٔ همراه باید", cut.Markup);
    }

    [Fact]
    public async Task Submit_ValidComplaint_ShowsTrackingCodeAndDeadline()
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);

        cut.Find("form").Submit();

        var (request, source) = Assert.Single(_intake.Submitted);
        Assert.Equal(Channel.Web, source.Channel);
        Assert.Equal("tehran-metro", request.AgencyCode);
        var code = cut.Find("[data-testid=tracking-code]").TextContent;
        Assert.Matches("^[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$", code);
        Assert.Contains("یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۰۷:۳۰", cut.Find("[data-testid=receipt-deadline]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=secret-box]"));
    }

    [Fact]
    public async Task Submit_AnonymousReport_HidesIdentityAndShowsSecretOnce()
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);
        await cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<ComplaintKind>>().Instance.ValueChanged.InvokeAsync(ComplaintKind.Report));
        await cut.InvokeAsync(() => cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));

        Assert.Empty(cut.FindAll("[data-testid=national-code]"));
        cut.Find("form").Submit();

        var (request, _) = Assert.Single(_intake.Submitted);
        Assert.True(request.IsAnonymous);
        Assert.Null(request.Mobile);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", cut.Find("[data-testid=tracking-secret]").TextContent);
    }

    [Fact]
    public void Submit_AnonymousIsNotOfferedForComplaint()
    {
        var cut = RenderWithPopovers<ComplaintForm>();

        Assert.Empty(cut.FindComponents<MudSwitch<bool>>());
    }

    [Fact]
    public async Task Submit_HoneypotFilled_RefusedAndNothingSent()
    {
        var cut = RenderWithPopovers<ComplaintForm>();
        await FillValidAsync(cut);

        cut.Find("input[name=website]").Change("http://spam.example");
        cut.Find("form").Submit();

        Assert.Empty(_intake.Submitted);
        Assert.Contains("درخواست پذیرفته نشد.", cut.Find("[data-testid=form-error]").TextContent);
    }

    [Fact]
    public async Task Submit_PhoneChannel_RecordsOperatorAndOffersCodeToReadBack()
    {
        var cut = RenderWithPopovers<ComplaintForm>(p => p.Add(f => f.Channel, Channel.Phone).Add(f => f.OperatorId, "operator-7"));
        IntakeReceipt? filed = null;
        cut.Render(p => p.Add(f => f.OnFiled, r => filed = r));
        await FillValidAsync(cut);

        cut.Find("form").Submit();

        var (_, source) = Assert.Single(_intake.Submitted);
        Assert.Equal(Channel.Phone, source.Channel);
        Assert.Equal("operator-7", source.Source);
        Assert.NotNull(filed);
        Assert.Empty(cut.FindAll("input[name=website]"));
        Assert.Contains(string.Join(" ", filed.TrackingCode.ToCharArray()), cut.Markup);
    }

    [Fact]
    public void Render_PhoneChannelWithoutOperator_Throws()
    {
        Render<MudPopoverProvider>();

        Assert.ThrowsAny<InvalidOperationException>(() => Render<ComplaintForm>(p => p.Add(f => f.Channel, Channel.Phone)));
    }

    [Fact]
    public void Submit_EnglishCulture_ShowsEnglishMessages()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var cut = RenderWithPopovers<ComplaintForm>();

            cut.Find("form").Submit();

            Assert.Contains("Write your national code.", cut.Markup);
            Assert.Contains("Choose the agency.", cut.Markup);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ComplaintForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]");

    private static async Task FillValidAsync(IRenderedComponent<ComplaintForm> cut)
    {
        var agency = FakeIntakeService.Catalog.Agency("tehran-metro");
        await cut.InvokeAsync(() => cut.FindComponent<MudAutocomplete<IntakeCatalog.AgencyEntry>>().Instance.ValueChanged.InvokeAsync(agency));
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("delay"));
        Input(cut, "subject").Change("تأخیر در صدور کارت بلیت");
        Input(cut, "description").Change("بیش از دو ماه است که کارت بلیت من صادر نشده و کسی پاسخ نمی‌دهد.");
        Input(cut, "name").Change("علی رضایی");
        Input(cut, "national-code").Change("0012345679");
        Input(cut, "mobile").Change("09121234567");
    }
}
