using Bunit;
using ComplaintConsole.Management;
using ComplaintConsole.Tests.Support;
using MudBlazor;

namespace ComplaintConsole.Tests.Management;

public sealed class ReassignDialogTests : ComponentTestContext
{
    private static readonly ManageLookups Lookups = new(
        [new DeskOption(1, "میز خدمات شهری", "Urban services desk"), new DeskOption(2, "میز سلامت و رفاه", "Health desk")],
        [new OperatorOption("op1", "مریم احمدی", [1]), new OperatorOption("op2", "علی رضایی", [1]), new OperatorOption("op3", "زهرا کریمی", [2])],
        []);

    [Fact]
    public async Task Confirm_EmptyForm_ShowsPersianMessagesAndStaysOpen()
    {
        var (provider, result) = await ShowAsync();

        await provider.Find("[data-action='confirm-reassign']").ClickAsync(new());

        var text = provider.Markup;
        Assert.Contains("میز مقصد را انتخاب کنید.", text);
        Assert.Contains("نوشتن دلیل انتقال الزامی است.", text);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Confirm_ShortReason_SaysTheMinimumLength()
    {
        var (provider, result) = await ShowAsync();

        await provider.Find("textarea").InputAsync(new() { Value = "خسته" });
        await provider.Find("[data-action='confirm-reassign']").ClickAsync(new());

        Assert.Contains("دلیل انتقال باید دست‌کم ۱۰ حرف باشد.", provider.Markup);
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Confirm_DeskAndReason_ClosesWithTheRequest()
    {
        var (provider, result) = await ShowAsync();
        var dialog = provider.FindComponent<ReassignDialog>();

        await dialog.InvokeAsync(() => dialog.Instance.DeskId = 1);
        await provider.Find("textarea").InputAsync(new() { Value = "بار کاری اپراتور زیاد است" });
        await provider.Find("[data-action='confirm-reassign']").ClickAsync(new());

        var closed = await result.WaitAsync(TimeSpan.FromSeconds(10));
        var request = Assert.IsType<ReassignRequest>(closed!.Data);
        Assert.Equal(1, request.DeskId);
        Assert.Null(request.OperatorId);
        Assert.Equal("بار کاری اپراتور زیاد است", request.Reason);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> ShowAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ReassignDialog> { { d => d.Lookups, Lookups }, { d => d.Count, 2 } };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<ReassignDialog>(null, parameters));
        provider.WaitForElement("[data-action='confirm-reassign']");
        return (provider, reference!.Result);
    }
}
