using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// One sign-in per post for the demo street, all with <see cref="Password"/> (printed in the
/// README). Seeded only with the demo data and marked, so Production can refuse them.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "CunTan-2026";

    /// <summary>User name → the post it signs in as: the first staff member of that role.</summary>
    public static readonly IReadOnlyList<(string UserName, AccessRole Role)> Posts =
    [
        ("admin", AccessRole.Administrator),
        ("leader", AccessRole.StreetLeader),
        ("dispatcher", AccessRole.Dispatcher),
        ("community", AccessRole.CommunityStaff),
        ("grid", AccessRole.GridWorker),
        ("liaison", AccessRole.DepartmentLiaison),
        ("property", AccessRole.PropertyStaff),
        ("microgrid", AccessRole.MicroGridMember),
        ("building", AccessRole.BuildingHead),
    ];

    /// <summary>The staff member a demo user name signs in as.</summary>
    public static Staff? StaffOf(string userName, IEnumerable<Staff> staff) =>
        Posts.FirstOrDefault(p => p.UserName == userName) is { UserName: not null } post
            // Someone with a unit, so the demo post can hold cases.
            ? staff.OrderBy(s => s.UnitId is null).ThenBy(s => s.Id).FirstOrDefault(s => s.Role == post.Role)
            : null;

    public static IEnumerable<UserAccount> For(IReadOnlyCollection<Staff> staff)
    {
        var hasher = new PasswordHasher<UserAccount>();
        // One hash for all: hashing is deliberately slow, and these share a published password anyway.
        string? hash = null;
        foreach (var (userName, _) in Posts)
        {
            if (StaffOf(userName, staff) is not { } member) continue;
            var account = new UserAccount
            {
                UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), StaffId = member.Id, IsDemo = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            account.PasswordHash = hash ??= hasher.HashPassword(account, Password);
            yield return account;
        }
    }
}
