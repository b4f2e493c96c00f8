using System.Collections.Frozen;
using System.Security.Claims;
using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Desks;

/// <summary>
/// The one access rule for cases, used by the desk pages, the hub and the endpoints alike:
/// operators see and act on the cases of their desks; supervisors read everything (and the load of their desks);
/// inspection managers read and act on everything; administrators manage calendars and users, not cases.
/// Built on the server from the signed-in principal and the desk memberships (<see cref="CaseAccessResolver"/>).
/// </summary>
public sealed record CaseAccess(string UserId, string UserName, IReadOnlySet<string> Roles, FrozenSet<int> DeskIds)
{
    public static readonly CaseAccess Nobody = new("", "", FrozenSet<string>.Empty, FrozenSet<int>.Empty);

    public bool IsOperator => Roles.Contains(Domain.Roles.Operator);

    public bool IsSupervisor => Roles.Contains(Domain.Roles.Supervisor);

    public bool IsManager => Roles.Contains(Domain.Roles.InspectionManager);

    public bool ReadsEverything => IsSupervisor || IsManager;

    public bool CanRead(int deskId) => ReadsEverything || (IsOperator && DeskIds.Contains(deskId));

    public bool CanAct(int deskId) => IsManager || (IsOperator && DeskIds.Contains(deskId));

    /// <summary>Operators sit at their own desks only; managers act from /manage, not from a desk shift.</summary>
    public bool CanSitAt(int deskId) => IsOperator && DeskIds.Contains(deskId);

    /// <summary>
    /// Who may reveal the citizen's national code and mobile: the operator working the case (they call the citizen)
    /// and inspection managers. Supervisors watch load; they never need the citizen's identity.
    /// </summary>
    public bool CanRevealPersonalData(int deskId, string? assignedOperatorId) =>
        IsManager || (IsOperator && DeskIds.Contains(deskId) && assignedOperatorId == UserId);

    /// <summary>The load of a desk: supervisors of the desk (members) and managers.</summary>
    public bool CanSeeLoadOf(int deskId) => IsManager || (IsSupervisor && DeskIds.Contains(deskId));

    public bool CanUseLiveFeed => IsOperator || IsSupervisor || IsManager;
}

public sealed class CaseAccessResolver(IDbContextFactory<ComplaintsDbContext> dbFactory)
{
    public async Task<CaseAccess> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(userId))
        {
            return CaseAccess.Nobody;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.DeskMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.DeskId).ToListAsync(cancellationToken);
        return new CaseAccess(userId, user.Identity.Name ?? userId, roles, desks.ToFrozenSet());
    }
}
