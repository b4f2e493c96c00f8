namespace ComplaintConsole.Desks;

/// <summary>Marker for DeskText.resx (Persian) and DeskText.en.resx (English).</summary>
public sealed class DeskText;
