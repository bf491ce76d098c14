using CommandCenter.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// Identity's store of sign-ins, whose writes (a failed sign-in counted, a lockout, its reset after a right
/// password) go through the <see cref="UnitOfWork"/> like every other change: the single-writer gate, one
/// transaction, the context's interceptors. Identity's own store saves its request's context by itself,
/// beside the gate, where a sign-in storm would meet SQLite's busy handling instead of the queue.
/// Sign-ins are made and given passwords in a unit of work already (<see cref="UserAccounts"/>).
/// </summary>
public sealed class AccountStore(CommandCenterDbContext context, UnitOfWork unitOfWork, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<UserAccount, CommandCenterDbContext>(context, describer)
{
    public override Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        WriteAsync(user, cancellationToken, (db, account) => db.Add(account));

    public override Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        WriteAsync(user, cancellationToken, (db, account) =>
        {
            // As Identity's own store does: the stamp read with the account guards the write, and a new one marks it.
            db.Attach(account);
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Update(account);
        });

    public override Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        WriteAsync(user, cancellationToken, (db, account) => db.Remove(account));

    private async Task<IdentityResult> WriteAsync(UserAccount user, CancellationToken cancellationToken, Action<CommandCenterDbContext, UserAccount> change)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            await unitOfWork.WriteAsync(db => change(db, user), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }
        // The request's context read the account before this write: it must not hold the old row for a later read.
        if (Context.Entry(user).State != EntityState.Detached) Context.Entry(user).State = EntityState.Detached;
        return IdentityResult.Success;
    }
}
