namespace ComplaintConsole.Intake;

/// <summary>Marker for intake's resources (IntakeText.resx, Persian; IntakeText.en.resx, English).</summary>
public sealed class IntakeText;
