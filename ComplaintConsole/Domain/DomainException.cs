namespace ComplaintConsole.Domain;

/// <summary>A rule of the domain refused a transition; <see cref="Code"/> selects the message users read.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
