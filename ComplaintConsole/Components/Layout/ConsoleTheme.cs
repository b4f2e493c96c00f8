using MudBlazor;

namespace ComplaintConsole.Components.Layout;

public static class ConsoleTheme
{
    private static readonly string[] Font = ["Vazirmatn", "Tahoma", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f6c",
            Secondary = "#01a7c2",
            Tertiary = "#20bf55",
            Warning = "#f29e4c",
            Error = "#c0392b",
            Success = "#2e7d32",
            AppbarBackground = "#0b4f6c",
            Background = "#f4f6f8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Font },
            H1 = new H1Typography { FontFamily = Font },
            H2 = new H2Typography { FontFamily = Font },
            H3 = new H3Typography { FontFamily = Font },
            H4 = new H4Typography { FontFamily = Font },
            H5 = new H5Typography { FontFamily = Font },
            H6 = new H6Typography { FontFamily = Font },
            Body1 = new Body1Typography { FontFamily = Font },
            Body2 = new Body2Typography { FontFamily = Font },
            Button = new ButtonTypography { FontFamily = Font },
            Caption = new CaptionTypography { FontFamily = Font },
            Subtitle1 = new Subtitle1Typography { FontFamily = Font },
            Subtitle2 = new Subtitle2Typography { FontFamily = Font },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
