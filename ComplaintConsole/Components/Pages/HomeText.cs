namespace ComplaintConsole.Components.Pages;

public sealed class HomeText;
