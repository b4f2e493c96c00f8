namespace ComplaintConsole.Components.Layout;

/// <summary>Marker for the layout's resources (LayoutText.resx, Persian; LayoutText.en.resx, English).</summary>
public sealed class LayoutText;
