using Bunit;
using ComplaintConsole.Admin;
using ComplaintConsole.Domain;
using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintConsole.Tests.Admin;

/// <summary>The confirm step of a change of desk: it says only new complaints move, in Persian then English.</summary>
public sealed class RoutingConfirmDialogTests : ComponentTestContext
{
    private static readonly RoutingDesk Urban = new(1, "urban", "میز خدمات شهری", "Urban services desk", "tehran-hq", "ستاد استان تهران", "Tehran headquarters");
    private static readonly RoutingDesk Health = new(3, "health", "میز سلامت و رفاه", "Health and welfare desk", "tehran-hq", "ستاد استان تهران", "Tehran headquarters");

    private static readonly RoutingAgency Metro =
        new("tehran-metro", "شرکت بهره‌برداری متروی تهران", "Tehran Metro Operation Company", Layer.Provincial, "urban", Active: true, OpenCases: 12);

    [Fact]
    public async Task Show_DeskChange_SaysOnlyNewComplaintsMoveAndOpenCasesStay()
    {
        var (provider, result) = await ShowAsync(Metro, deactivating: false);

        var question = provider.Find("[data-question]").TextContent;
        Assert.Contains("شکایت‌های جدید دربارهٔ «شرکت بهره‌برداری متروی تهران» از این پس به «میز سلامت و رفاه» می‌رود (اکنون «میز خدمات شهری»)", question);
        Assert.Contains("New complaints about Tehran Metro Operation Company will go to Health and welfare desk (now Urban services desk)", question);
        var note = provider.Find("[data-only-new]");
        Assert.Contains("فقط شکایت‌های جدید به میز جدید می‌رود. ۱۲ پروندهٔ باز این دستگاه در «میز خدمات شهری» می‌ماند", note.TextContent);
        Assert.Contains("Only NEW complaints go to the new desk. Its open cases stay on Urban services desk (now 12)", note.TextContent);
        Assert.DoesNotContain("deactivated", note.TextContent);
        Assert.True(note.TextContent.IndexOf("فقط", StringComparison.Ordinal) < note.TextContent.IndexOf("Only", StringComparison.Ordinal));
        Assert.False(result.IsCompleted);
    }

    [Fact]
    public async Task Confirm_ClosesWithOk_CancelClosesCanceled()
    {
        var (provider, confirmed) = await ShowAsync(Metro with { OpenCases = 0 }, deactivating: true);
        Assert.Contains("No open cases", provider.Find("[data-only-new]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("deactivated", provider.Find("[data-only-new]").TextContent);

        await provider.Find("[data-action='confirm']").ClickAsync(new());
        var ok = await confirmed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(ok!.Canceled);
        var (again, canceled) = await ShowAsync(Metro, deactivating: false);
        await again.Find("[data-action='cancel']").ClickAsync(new());
        Assert.True((await canceled.WaitAsync(TimeSpan.FromSeconds(10)))!.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> ShowAsync(RoutingAgency agency, bool deactivating)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<RoutingConfirmDialog>
        {
            { d => d.Agency, agency },
            { d => d.From, Urban },
            { d => d.To, Health },
            { d => d.Deactivating, deactivating },
        };
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<RoutingConfirmDialog>(null, parameters));
        return (provider, reference.Result);
    }
}
