using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// Passwords after the account is made: an administrator's reset (a one-time password the person must
/// replace at their next sign-in) and a person changing their own. Both audited; the demo accounts'
/// published password is never changed, so a demo sign-in cannot pass for a real one.
/// </summary>
public sealed class Passwords(UnitOfWork unitOfWork, DirectoryChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Sets a one-time password and answers it, this once; it is unlocked, and its sessions end at their next request
    /// on every server (the new security stamp reaches every server's directory).
    /// </summary>
    public Task<string> ResetAsync(string userName, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var normalized = UserAccounts.Normalized(userName.Trim());
            var account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Account", userName);
            RefuseDemo(account);
            var password = UserAccounts.TemporaryPassword();
            UserAccounts.SetPassword(account, password, mustChange: true);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.PasswordReset, clock.GetUtcNow().UtcDateTime,
                detail: $"{account.UserName} of staff {account.StaffId}"));
            return password;
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>The signed-in person's own change: the current password proves it is them; the new one must differ.</summary>
    public Task ChangeOwnAsync(StaffId staffId, string? currentPassword, string? newPassword, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var account = await db.Users.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.StaffId == staffId, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Account", staffId.ToString());
            RefuseDemo(account);
            if (!UserAccounts.Verifies(account, currentPassword))
                throw new DomainValidationException("WrongPassword", "The current password is not right.", "currentPassword");
            var password = SignInRules.Password(newPassword, "newPassword");
            if (UserAccounts.Verifies(account, password))
                throw new DomainValidationException("PasswordUnchanged", "The new password must differ from the current one.", "newPassword");
            UserAccounts.SetPassword(account, password, mustChange: false);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.PasswordChanged, clock.GetUtcNow().UtcDateTime,
                detail: $"{account.UserName} of staff {account.StaffId}"));
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    private static void RefuseDemo(UserAccount account)
    {
        if (account.IsDemo)
            throw new DomainValidationException("DemoAccount", "A demo account keeps its published password.", "userName");
    }
}
