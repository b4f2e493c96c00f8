namespace ComplaintConsole.Management;

/// <summary>Marker for the management resources (ManageText.resx, Persian; ManageText.en.resx, English).</summary>
public sealed class ManageText;
