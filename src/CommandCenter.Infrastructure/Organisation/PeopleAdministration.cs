using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The administrator adds people: a staff member with their post and, if a user name is given, a
/// sign-in — one write, audited, and in the directory (so on every page and in every post) at once.
/// </summary>
public sealed class PeopleAdministration(UnitOfWork unitOfWork, OrganisationDirectory directory, TimeProvider clock)
{
    public Task<AddedStaff> AddAsync(NewStaff input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var next = (await db.Staff.OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            var staff = Staff.New(StaffId.From(next), input.Name, input.Phone, input.Role, input.UnitId, input.CommunityId, input.GridId);
            if (staff.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, cancellationToken))
                throw new UnknownReferenceException("unitId", unit.ToString());
            if (staff.CommunityId is { } community && !await db.Communities.AnyAsync(c => c.Id == community, cancellationToken))
                throw new UnknownReferenceException("communityId", community.ToString());
            if (staff.GridId is { } grid && !await db.Grids.AnyAsync(g => g.Id == grid, cancellationToken))
                throw new UnknownReferenceException("gridId", grid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // One phone, one person: the phone is how the street reaches them and how an import recognises them.
            if (await db.Staff.AnyAsync(s => s.Phone == staff.Phone, cancellationToken))
                throw new DomainValidationException("DuplicatePhone", "Another staff member has this phone number.", "phone");
            db.Staff.Add(staff);
            var now = clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.StaffAdded, now, detail: $"{staff.Name} ({staff.Role}), staff {staff.Id}"));
            string? userName = null;
            if (!string.IsNullOrWhiteSpace(input.UserName))
            {
                var account = UserAccounts.New(input.UserName, input.Password, staff.Id);
                if (await db.Users.AnyAsync(u => u.NormalizedUserName == account.NormalizedUserName, cancellationToken))
                    throw new DomainValidationException("UserNameTaken", "Another account has this user name.", "userName");
                db.Users.Add(account);
                db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.AccountCreated, now, detail: $"{account.UserName} for staff {staff.Id}"));
                userName = account.UserName;
            }
            return new AddedStaff(staff.Id, staff.Name, staff.Role, userName);
        }, cancellationToken, afterCommit: db => directory.LoadAsync(db, cancellationToken));

    /// <summary>
    /// Disables a sign-in (locked with no end, its sessions ended at their next check) or unlocks one,
    /// whether an administrator disabled it or wrong passwords locked it. Nobody disables their own.
    /// </summary>
    public Task SetAccountAsync(string userName, AccountChange change, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var normalized = UserAccounts.Normalized(userName.Trim());
            var account = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Account", userName);
            if (change == AccountChange.Disable && account.StaffId == by.StaffId)
                throw new DomainValidationException("OwnAccount", "An administrator does not disable their own sign-in.", "userName");
            account.LockoutEnd = change == AccountChange.Disable ? DateTimeOffset.MaxValue : null;
            account.AccessFailedCount = 0;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            db.AuditEntries.Add(AuditLog.EntryOf(by, change == AccountChange.Disable ? AuditActions.AccountDisabled : AuditActions.AccountUnlocked,
                clock.GetUtcNow().UtcDateTime, detail: $"{account.UserName} of staff {account.StaffId}"));
        }, cancellationToken);
}

public enum AccountChange
{
    Disable,
    Unlock,
}

/// <summary>A staff member to add; with a user name (and password) they also get a sign-in.</summary>
public sealed record NewStaff(
    string? Name, string? Phone, AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, int? GridId, string? UserName, string? Password);

public sealed record AddedStaff(StaffId Id, string Name, AccessRole Role, string? UserName);
