namespace ComplaintConsole.Board;

/// <summary>Marker for the board's resources (BoardText.resx, Persian; BoardText.en.resx, English).</summary>
public sealed class BoardText;
