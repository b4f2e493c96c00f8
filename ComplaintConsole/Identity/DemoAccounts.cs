using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Identity;

/// <summary>The demo accounts of the embedded default (listed in the README). All share <see cref="Password"/>.</summary>
public sealed class DemoAccounts(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<ComplaintsDbContext> dbFactory)
{
    public const string Password = "Demo@1405";

    public static readonly (string UserName, string DisplayName, string Role, string[] Desks)[] Accounts =
    [
        ("operator1", "مریم احمدی", Roles.Operator, ["urban"]),
        ("operator2", "علی رضایی", Roles.Operator, ["urban"]),
        ("operator3", "زهرا کریمی", Roles.Operator, ["health"]),
        ("operator4", "حسین محمدی", Roles.Operator, ["health"]),
        ("operator5", "نرگس موسوی", Roles.Operator, ["utilities", "national"]),
        ("supervisor", "فاطمه حسینی", Roles.Supervisor, ["urban", "health"]),
        ("manager", "محمد جعفری", Roles.InspectionManager, []),
        ("admin", "مدیر سامانه", Roles.Administrator, []),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var desks = await db.Desks.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        foreach (var (userName, displayName, role, deskCodes) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = userName, DisplayName = displayName, EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            foreach (var code in deskCodes)
            {
                db.DeskMembers.Add(new DeskMember { DeskId = desks[code], UserId = user.Id });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding demo accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
