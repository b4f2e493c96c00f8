namespace ComplaintConsole.Domain;

/// <summary>میز: a team queue of operators that owns a set of agencies and works to one calendar.</summary>
public class Desk
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameFa { get; set; }

    public required string NameEn { get; set; }

    public int CalendarId { get; set; }

    public WorkCalendar? Calendar { get; set; }

    public List<Agency> Agencies { get; set; } = [];

    public List<DeskMember> Members { get; set; } = [];
}

/// <summary>An operator's membership of a desk: the desks whose cases they may see and act on.</summary>
public class DeskMember
{
    public int DeskId { get; set; }

    public required string UserId { get; set; }

    public Desk? Desk { get; set; }
}
