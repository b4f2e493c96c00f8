using Microsoft.AspNetCore.Identity;

namespace ComplaintConsole.Domain;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public static class Roles
{
    public const string Operator = nameof(Operator);
    public const string Supervisor = nameof(Supervisor);
    public const string InspectionManager = nameof(InspectionManager);
    public const string Administrator = nameof(Administrator);

    public static readonly string[] All = [Operator, Supervisor, InspectionManager, Administrator];
}
