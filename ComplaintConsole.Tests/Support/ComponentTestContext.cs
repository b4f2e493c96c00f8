using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// The one bUnit base: MudBlazor services, loose JS interop, real resources in Persian, a fake clock. Dispose with
/// <c>await using</c> (MudBlazor's popover provider is async-disposable). Register fakes of feature services in the
/// test before rendering.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fa-IR");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero));
}
