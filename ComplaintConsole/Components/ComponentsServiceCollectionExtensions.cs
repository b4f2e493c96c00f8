using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace ComplaintConsole.Components;

public static class ComponentsServiceCollectionExtensions
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("fa-IR"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>Blazor Server, MudBlazor and Persian-first localisation.</summary>
    public static IServiceCollection AddConsoleUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        // Persian text is written as is, not as &#x...; entities (a third of the page size otherwise).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The UI language is a choice (cookie or ?culture=), not the browser's Accept-Language.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication MapConsoleUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
