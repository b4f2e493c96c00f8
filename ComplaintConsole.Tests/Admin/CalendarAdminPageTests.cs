using Bunit;
using ComplaintConsole.Admin;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Support;
using MudBlazor;
using NodaTime;

namespace ComplaintConsole.Tests.Admin;

/// <summary>The calendar administration dialogs: validation saves nothing, the preview comes before the save.</summary>
public sealed class CalendarAdminPageTests : ComponentTestContext
{
    private static readonly LocalDate Today = new(2026, 12, 5);

    private static readonly CalendarOption[] Calendars =
    [
        new("tehran-hq", "ستاد استان تهران", "Tehran headquarters", ["میز خدمات شهری"]),
        new("tehran-counties", "شهرستان‌های استان تهران", "Tehran counties", ["میز آب، برق و گاز"]),
    ];

    private readonly List<ClosureRequest> _previews = [];
    private readonly List<ClosureRequest> _saves = [];

    [Fact]
    public async Task Preview_ReasonMissing_ShowsBilingualMessageAndAsksNothing()
    {
        var (provider, result) = await ShowClosureAsync();

        await provider.Find("[data-action='preview']").ClickAsync(new());

        Assert.Contains("دلیل تعطیلی را بنویسید.", provider.Markup);
        Assert.Contains("Write the reason for the closure.", provider.Markup);
        Assert.Empty(provider.FindAll("[data-action='confirm']"));
        Assert.Empty(_previews);
        Assert.Empty(_saves);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Preview_ClosedFromNotBeforeTo_ShowsRangeMessageAndSavesNothing()
    {
        var (provider, result) = await ShowClosureAsync();
        var dialog = provider.FindComponent<ClosureDialog>();

        await dialog.InvokeAsync(() =>
        {
            dialog.Instance.Shape = ClosureShape.ClosedBetween;
            dialog.Instance.FromText = "۱۲:۰۰";
            dialog.Instance.ToText = "10:00";
            dialog.Instance.Reason = "قطع برق ساختمان";
        });
        await provider.Find("[data-action='preview']").ClickAsync(new());

        Assert.Contains("ساعت پایان تعطیلی باید بعد از ساعت شروع آن باشد.", provider.Markup);
        Assert.Contains("The closure must end after it starts.", provider.Markup);
        Assert.Empty(_previews);
        Assert.Empty(_saves);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Preview_ValidClosure_ShowsCountBeforeSaving_ConfirmSavesOnce()
    {
        var (provider, result) = await ShowClosureAsync(new ChangePreview(3, 1));

        await provider.Find("textarea").InputAsync(new() { Value = "آلودگی هوا به اعلام استانداری" });
        await provider.Find("[data-action='preview']").ClickAsync(new());

        Assert.Contains("۳ پروندهٔ باز بی‌پاسخ سررسید جدید می‌گیرند.", provider.Find("[data-preview-count]").TextContent);
        Assert.Single(_previews);
        Assert.Empty(_saves);
        Assert.False(result.IsCompleted);

        await provider.Find("[data-action='confirm']").ClickAsync(new());

        var closed = await result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, Assert.IsType<ChangeSaved>(closed!.Data).Moved);
        var saved = Assert.Single(_saves);
        Assert.Equal(["tehran-hq"], saved.CalendarCodes);
        Assert.Equal(Today.PlusDays(1), saved.Date);
        Assert.Null(saved.From);
        Assert.Null(saved.To);
        Assert.Equal("آلودگی هوا به اعلام استانداری", saved.Reason);
    }

    [Fact]
    public async Task Preview_OpenUntilForTwoCalendars_AsksForThatShape()
    {
        var (provider, _) = await ShowClosureAsync();
        var dialog = provider.FindComponent<ClosureDialog>();

        await dialog.InvokeAsync(() =>
        {
            dialog.Instance.Selected.Add("tehran-counties");
            dialog.Instance.DateText = "۱۴۰۵/۰۹/۱۶";
            dialog.Instance.Shape = ClosureShape.OpenUntil;
            dialog.Instance.FromText = "۱۲:۰۰";
            dialog.Instance.Reason = "برف سنگین";
        });
        await provider.Find("[data-action='preview']").ClickAsync(new());

        var asked = Assert.Single(_previews);
        Assert.Equal(["tehran-hq", "tehran-counties"], asked.CalendarCodes);
        Assert.Equal(new LocalDate(2026, 12, 7), asked.Date);
        Assert.Equal(new LocalTime(12, 0), asked.From);
        Assert.Null(asked.To);
    }

    [Fact]
    public async Task Preview_ServiceRefuses_ShowsPersianThenEnglishAndNoConfirm()
    {
        var (provider, result) = await ShowClosureAsync(refusal: new CalendarChangeException("closure-duplicate", "tehran-hq"));

        await provider.Find("textarea").InputAsync(new() { Value = "آلودگی هوا" });
        await provider.Find("[data-action='preview']").ClickAsync(new());

        var error = provider.Find("[data-error]");
        Assert.Contains("همین تعطیلی در این تاریخ برای تقویم «tehran-hq» ثبت شده است.", error.TextContent);
        Assert.Equal("en", error.QuerySelector(".error-en")!.GetAttribute("lang"));
        Assert.Empty(provider.FindAll("[data-action='confirm']"));
        Assert.Empty(_saves);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Preview_ScheduleWithBadRange_NamesTheDayAndAsksNothing()
    {
        var asked = 0;
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ScheduleDialog>
        {
            { d => d.Today, Today },
            { d => d.Preview, _ => { asked++; return Task.FromResult(new ChangePreview(0, 0)); } },
            { d => d.Save, _ => Task.FromResult(new ChangeSaved(0)) },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<ScheduleDialog>(null, parameters));
        var dialog = provider.FindComponent<ScheduleDialog>();

        await dialog.InvokeAsync(() =>
        {
            dialog.Instance.Ranges[IsoDayOfWeek.Saturday] = "۰۷:۳۰ تا ۱۴:۳۰";
            dialog.Instance.Ranges[IsoDayOfWeek.Sunday] = "14:30-07:30";
        });
        await provider.Find("[data-action='preview']").ClickAsync(new());

        Assert.Contains("بازه‌های یکشنبه نامعتبر است", provider.Markup);
        Assert.Contains("The ranges of Sunday are not valid", provider.Markup);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task MoveHoliday_Default_IsTheNextDayConfirmed()
    {
        HolidayRequest? asked = null;
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var holiday = new HolidayView(7, new LocalDate(2027, 5, 17), "عید سعید قربان", "Eid al-Adha", Official: true, Tentative: true);
        var parameters = new DialogParameters<HolidayDialog>
        {
            { d => d.Moving, holiday },
            { d => d.Today, Today },
            { d => d.Preview, r => { asked = r; return Task.FromResult(new ChangePreview(0, 0)); } },
            { d => d.Save, _ => Task.FromResult(new ChangeSaved(0)) },
        };
        await provider.InvokeAsync(() => dialogs.ShowAsync<HolidayDialog>(null, parameters));

        await provider.Find("[data-action='preview']").ClickAsync(new());

        Assert.Equal(new HolidayRequest(7, new LocalDate(2027, 5, 18), "عید سعید قربان", null, true, false, Confirm: true), asked);
        Assert.Contains("سررسید هیچ پروندهٔ بازی تغییر نمی‌کند.", provider.Find("[data-preview-count]").TextContent);
    }

    [Fact]
    public async Task ConfirmChange_Opened_ShowsPreviewAtOnce_SavesOnlyOnConfirm()
    {
        var saves = 0;
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ConfirmChangeDialog>
        {
            { d => d.Title, "لغو تعطیلی" },
            { d => d.Question, "تعطیلی لغو شود؟" },
            { d => d.Preview, () => Task.FromResult(new ChangePreview(12, 0)) },
            { d => d.Save, () => { saves++; return Task.FromResult(new ChangeSaved(12)); } },
        };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<ConfirmChangeDialog>(null, parameters));

        provider.WaitForElement("[data-preview-count='12']");
        Assert.Equal(0, saves);
        await provider.Find("[data-action='confirm']").ClickAsync(new());

        var closed = await reference!.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(12, Assert.IsType<ChangeSaved>(closed!.Data).Moved);
        Assert.Equal(1, saves);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> ShowClosureAsync(
        ChangePreview? preview = null, CalendarChangeException? refusal = null)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ClosureDialog>
        {
            { d => d.Calendars, Calendars },
            { d => d.CalendarCode, "tehran-hq" },
            { d => d.Today, Today },
            {
                d => d.Preview, r =>
                {
                    _previews.Add(r);
                    return refusal is null ? Task.FromResult(preview ?? new ChangePreview(1, 0)) : Task.FromException<ChangePreview>(refusal);
                }
            },
            {
                d => d.Save, r =>
                {
                    _saves.Add(r);
                    return Task.FromResult(new ChangeSaved((preview ?? new ChangePreview(1, 0)).WouldMove));
                }
            },
        };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<ClosureDialog>(null, parameters));
        provider.WaitForElement("[data-action='preview']");
        return (provider, reference!.Result);
    }
}
