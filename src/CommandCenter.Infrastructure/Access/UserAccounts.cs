using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// New sign-ins made inside a unit of work: Identity's UserManager saves on its own, outside the
/// one write path, so accounts are built here the way its store would and saved with the change that makes them.
/// </summary>
public static class UserAccounts
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>A sign-in for <paramref name="staffId"/>; the name and password are checked by <see cref="SignInRules"/>.</summary>
    public static UserAccount New(string? userName, string? password, StaffId staffId)
    {
        var name = SignInRules.UserName(userName);
        var account = new UserAccount
        {
            UserName = name, NormalizedUserName = Normalized(name), StaffId = staffId,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        account.PasswordHash = Hasher.HashPassword(account, SignInRules.Password(password));
        return account;
    }

    /// <summary>How Identity's default normalizer keys a user name, so FindByNameAsync finds what was stored here.</summary>
    public static string Normalized(string userName) => userName.Normalize().ToUpperInvariant();
}
