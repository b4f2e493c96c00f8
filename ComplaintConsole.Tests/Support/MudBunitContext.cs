using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// The one bUnit base context: MudBlazor services, localisation, a fake clock and loose JS interop (MudBlazor calls
/// JS that the tests do not need to answer). Register feature fakes in the derived test's constructor through
/// <see cref="BunitContext.Services"/>; call <see cref="RenderWithPopovers{TComponent}"/> for components with selects or
/// autocompletes. xunit disposes it asynchronously after each test, which MudBlazor's popover provider needs.
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero));

    /// <summary>Renders the popover provider first (as the layout does), then the component.</summary>
    protected IRenderedComponent<TComponent> RenderWithPopovers<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        Render<MudPopoverProvider>();
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }
}
