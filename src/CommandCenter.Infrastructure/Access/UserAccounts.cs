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

    /// <summary>Gives <paramref name="account"/> a new password; its sessions end at their next check (a new security stamp).</summary>
    public static void SetPassword(UserAccount account, string password, bool mustChange)
    {
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.MustChangePassword = mustChange;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
    }

    public static bool Verifies(UserAccount account, string? password) =>
        !string.IsNullOrEmpty(password) && account.PasswordHash is { } hash
        && Hasher.VerifyHashedPassword(account, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// A one-time password for a reset, told to the person by the administrator: 12 characters with
    /// the three kinds <see cref="SignInRules"/> asks for, and no 0/O or 1/l/I to misread on a phone call.
    /// </summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        var kinds = new[] { upper, lower, digits };
        var characters = Enumerable.Range(0, 12).Select(i => Pick(kinds[i % 3])).ToArray();
        System.Security.Cryptography.RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);

        static char Pick(string from) => from[System.Security.Cryptography.RandomNumberGenerator.GetInt32(from.Length)];
    }

    /// <summary>How Identity's default normalizer keys a user name, so FindByNameAsync finds what was stored here.</summary>
    public static string Normalized(string userName) => userName.Normalize().ToUpperInvariant();
}
