namespace ComplaintConsole.Domain;

/// <summary>دستگاه اجرایی: the body complained about.</summary>
public class Agency
{
    public int Id { get; set; }

    /// <summary>Stable code used by the API and integrations, e.g. <c>tehran-municipality</c>.</summary>
    public required string Code { get; set; }

    public required string NameFa { get; set; }

    public required string NameEn { get; set; }

    public Layer Layer { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Routing: the desk whose queue receives this agency's complaints.</summary>
    public int DeskId { get; set; }

    public Desk? Desk { get; set; }
}
