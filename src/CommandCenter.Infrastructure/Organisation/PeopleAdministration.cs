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
public sealed class PeopleAdministration(
    UnitOfWork unitOfWork, IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, DirectoryChanges changes, TimeProvider clock)
{
    public const int MaxListed = 200;

    public Task<AddedStaff> AddAsync(NewStaff input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var next = (await db.Staff.OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            var staff = Staff.New(StaffId.From(next), input.Name, input.Phone, input.Role, input.UnitId, input.CommunityId, input.GridId,
                courtyardId: input.CourtyardId);
            await CheckPersonAsync(db, staff, cancellationToken);
            await CheckPostAsync(db, staff.MainPost, cancellationToken);
            await PlaceAsync(db, staff, input.StreetId, by, cancellationToken);
            db.Staff.Add(staff);
            var now = clock.GetUtcNow().UtcDateTime;
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.StaffAdded, now, detail: $"{staff.Name} ({staff.Role}{StreetText(staff)}), staff {staff.Id}"));
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
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>
    /// Changes a staff member's name, phone, post or whether they are active. Posts are looked up on every
    /// request, so a changed post or a deactivation takes effect at the person's next request.
    /// </summary>
    public Task EditAsync(StaffId id, StaffEdit input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var staff = await ManagedAsync(db, id, by, cancellationToken);
            if (!input.Active && id == by.StaffId)
                throw new DomainValidationException("OwnAccount", "An administrator does not deactivate themselves.", "active");
            staff.Edit(input.Name, input.Phone, input.Role, input.UnitId, input.CommunityId, input.GridId, input.CourtyardId, input.Active);
            await CheckPersonAsync(db, staff, cancellationToken);
            await CheckPostAsync(db, staff.MainPost, cancellationToken);
            await PlaceAsync(db, staff, input.StreetId, by, cancellationToken);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.StaffChanged, clock.GetUtcNow().UtcDateTime,
                detail: $"{staff.Name} ({staff.Role}{StreetText(staff)}{(staff.IsActive ? "" : ", inactive")}), staff {id}"));
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>Gives a person one more post (a 书记 who is also 网格长); they choose which one they act in. Answers the post's number.</summary>
    public Task<int> AddPostAsync(StaffId id, NewPost input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var staff = await ManagedAsync(db, id, by, cancellationToken);
            var post = staff.AddPost(input.Role, input.UnitId, input.CommunityId, input.GridId, input.CourtyardId);
            await CheckPostAsync(db, post, cancellationToken);
            // A district-level person given a community's post moves to its street; a street's person is not given another street's.
            await PlaceAsync(db, staff, staff.StreetId, by, cancellationToken);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.PostAdded, clock.GetUtcNow().UtcDateTime,
                detail: $"{staff.Name}: post {post.Number} ({post.Role}{StreetText(staff)}), staff {id}"));
            return post.Number;
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>
    /// Ends one of a person's posts: kept on record with its end, it opens nothing from the person's next request (a session in it
    /// falls back to their first current post). Their last post is not ended: an administrator makes them inactive instead.
    /// </summary>
    public Task EndPostAsync(StaffId id, int number, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var staff = await ManagedAsync(db, id, by, cancellationToken);
            var post = staff.EndPost(number, clock.GetUtcNow().UtcDateTime);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.PostEnded, clock.GetUtcNow().UtcDateTime,
                detail: $"{staff.Name}: post {post.Number} ({post.Role}), staff {id}"));
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>
    /// Staff whose name, phone or user name holds <paramref name="search"/>, with their sign-ins; at most <see cref="MaxListed"/>;
    /// a street's administrator sees their street's people only.
    /// </summary>
    public async Task<IReadOnlyList<PersonRow>> ListAsync(string? search, Post by, CancellationToken cancellationToken = default)
    {
        var accounts = await AccountsAsync(null, cancellationToken);
        var byStaff = accounts.ToLookup(a => a.StaffId);
        var text = search?.Trim() ?? "";
        return directory.Staff
            .Where(s => StaffStreet.Manages(by.StreetId, s.StreetId))
            .Select(s => new PersonRow(s.Id, s.Name, s.Phone, s.Role, s.UnitId, s.CommunityId, s.GridId, s.IsActive, [.. byStaff[s.Id].Select(a => a.UserName)],
                [.. s.Posts.OrderBy(p => p.Number).Select(PostRow.Of)]) { StreetId = s.StreetId })
            .Where(p => text.Length == 0 || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Phone.Contains(text, StringComparison.Ordinal)
                || p.UserNames.Any(u => u.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Take(MaxListed).ToList();
    }

    /// <summary>Sign-ins whose user name or staff member's name holds <paramref name="search"/>, with their state; at most <see cref="MaxListed"/>.</summary>
    public async Task<IReadOnlyList<AccountRow>> AccountsAsync(string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var text = search?.Trim() ?? "";
        var rows = (await db.Users.AsNoTracking().OrderBy(u => u.UserName)
                .Select(u => new { u.UserName, u.StaffId, u.LockoutEnd, u.MustChangePassword, u.IsDemo }).ToListAsync(cancellationToken))
            .Select(u => new AccountRow(u.UserName ?? "", u.StaffId, directory.StaffMember(u.StaffId)?.Name ?? $"#{u.StaffId}",
                u.LockoutEnd == DateTimeOffset.MaxValue ? AccountState.Disabled
                : u.LockoutEnd > now ? AccountState.Locked
                : u.MustChangePassword ? AccountState.PasswordChangeDue
                : AccountState.Active, u.IsDemo));
        return [.. rows.Where(a => text.Length == 0 || a.UserName.Contains(text, StringComparison.OrdinalIgnoreCase) || a.StaffName.Contains(text, StringComparison.Ordinal))
            .Take(MaxListed)];
    }

    /// <summary>
    /// The post's unit, community, grid and courtyard exist; a building head's unit works at the courtyard level
    /// and looks after their courtyard (<see cref="StaffPost.CheckUnit"/>).
    /// </summary>
    private async Task CheckPostAsync(CommandCenterDbContext db, StaffPost post, CancellationToken cancellationToken)
    {
        var unit = post.UnitId is { } unitId
            ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken) ?? throw new UnknownReferenceException("unitId", unitId.ToString())
            : null;
        if (post.CommunityId is { } community && !await db.Communities.AnyAsync(c => c.Id == community, cancellationToken))
            throw new UnknownReferenceException("communityId", community.ToString());
        if (post.GridId is { } grid && !await db.Grids.AnyAsync(g => g.Id == grid, cancellationToken))
            throw new UnknownReferenceException("gridId", grid.ToString());
        if (post.CourtyardId is { } courtyard && !await db.Courtyards.AnyAsync(c => c.Id == courtyard, cancellationToken))
            throw new UnknownReferenceException("courtyardId", courtyard.ToString());
        // The directory's view of the unit: the courtyards it serves today.
        if (unit is not null) post.CheckUnit(directory.Unit(unit.Id) ?? unit);
    }

    /// <summary>A person the administrator manages (<see cref="StaffStreet.Manages"/>); another street's person is 404, as an unknown one.</summary>
    private static async Task<Staff> ManagedAsync(CommandCenterDbContext db, StaffId id, Post by, CancellationToken cancellationToken) =>
        await db.Staff.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } staff && StaffStreet.Manages(by.StreetId, staff.StreetId)
            ? staff
            : throw new Deadlines.RecordNotFoundException("Staff", id.ToString());

    /// <summary>
    /// Sets the person's street: their current posts' community's, else <paramref name="chosen"/> (<see cref="StaffStreet.Decide"/>);
    /// run after <see cref="CheckPostAsync"/>, so every post's community, grid, courtyard and unit exists.
    /// </summary>
    private async Task PlaceAsync(CommandCenterDbContext db, Staff staff, StreetId? chosen, Post by, CancellationToken cancellationToken)
    {
        if (chosen is { } asked && !await db.Streets.AnyAsync(s => s.Id == asked, cancellationToken))
            throw new UnknownReferenceException("streetId", asked.ToString());
        var communities = new List<CommunityId>();
        foreach (var post in staff.CurrentPosts)
        {
            if (await CommunityOfAsync(db, post, cancellationToken) is { } community) communities.Add(community);
        }
        var streets = await db.Communities.AsNoTracking().Where(c => communities.Contains(c.Id)).Select(c => c.StreetId).ToListAsync(cancellationToken);
        staff.PlaceIn(StaffStreet.Decide(streets, chosen, by.StreetId));
    }

    /// <summary>The community a post lies in: its own, its grid's, its courtyard's or its unit's; null for a street- or district-level post.</summary>
    private static async Task<CommunityId?> CommunityOfAsync(CommandCenterDbContext db, StaffPost post, CancellationToken cancellationToken) =>
        post.CommunityId
        ?? (post.GridId is { } grid ? await db.Grids.Where(g => g.Id == grid).Select(g => (CommunityId?)g.CommunityId).SingleOrDefaultAsync(cancellationToken) : null)
        ?? (post.CourtyardId is { } courtyard ? await db.Courtyards.Where(c => c.Id == courtyard).Select(c => (CommunityId?)c.CommunityId).SingleOrDefaultAsync(cancellationToken) : null)
        ?? (post.UnitId is { } unit ? await db.Units.Where(u => u.Id == unit).Select(u => u.CommunityId).SingleOrDefaultAsync(cancellationToken) : null);

    private string StreetText(Staff staff) => staff.StreetId is { } street ? $", street {directory.Street(street)?.Code ?? street.ToString()}" : ", district";

    /// <summary>Nobody else has the phone.</summary>
    private static async Task CheckPersonAsync(CommandCenterDbContext db, Staff staff, CancellationToken cancellationToken)
    {
        // One phone, one person: the phone is how the street reaches them and how an import recognises them.
        if (await db.Staff.AnyAsync(s => s.Phone == staff.Phone && s.Id != staff.Id, cancellationToken))
            throw new DomainValidationException("DuplicatePhone", "Another staff member has this phone number.", "phone");
    }

    /// <summary>
    /// Disables a sign-in (locked with no end, its sessions and its tokens ended at their next request on every server) or unlocks one,
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
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));
}

/// <summary>A staff member as the administrator edits them: the post as <see cref="NewStaff"/> has it, and whether they are active.</summary>
public sealed record StaffEdit(string? Name, string? Phone, AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, bool Active)
{
    /// <summary>A building head's courtyard.</summary>
    public CourtyardId? CourtyardId { get; init; }
    /// <inheritdoc cref="NewStaff.StreetId"/>
    public StreetId? StreetId { get; init; }
}

/// <summary>One more post for a person: a role and what it is made of, as <see cref="StaffPost.New"/> checks it.</summary>
public sealed record NewPost(AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, CourtyardId? CourtyardId);

/// <summary>A person with their first current post (Role…GridId) and every post they held or hold.</summary>
public sealed record PersonRow(
    StaffId Id, string Name, string Phone, AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, bool Active, IReadOnlyList<string> UserNames,
    IReadOnlyList<PostRow> Posts)
{
    /// <summary>The person's street; null: district level.</summary>
    public StreetId? StreetId { get; init; }
}

/// <summary>One post of a person; ended ones carry their end.</summary>
public sealed record PostRow(int Number, AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, CourtyardId? CourtyardId, DateTime? EndedAtUtc)
{
    public static PostRow Of(StaffPost post) => new(post.Number, post.Role, post.UnitId, post.CommunityId, post.GridId, post.CourtyardId, post.EndedAtUtc);
}

public sealed record AccountRow(string UserName, StaffId StaffId, string StaffName, AccountState State, bool IsDemo);

public enum AccountState
{
    Active,
    /// <summary>A one-time password from a reset waits to be replaced.</summary>
    PasswordChangeDue,
    /// <summary>Too many wrong passwords; it opens again by itself, or when unlocked.</summary>
    Locked,
    /// <summary>Disabled by an administrator until unlocked.</summary>
    Disabled,
}

public enum AccountChange
{
    Disable,
    Unlock,
}

/// <summary>A staff member to add; with a user name (and password) they also get a sign-in.</summary>
public sealed record NewStaff(
    string? Name, string? Phone, AccessRole Role, UnitId? UnitId, CommunityId? CommunityId, GridId? GridId, string? UserName, string? Password)
{
    /// <summary>A building head's courtyard.</summary>
    public CourtyardId? CourtyardId { get; init; }
    /// <summary>
    /// The street of a person whose posts are street- or district-level (null: district level, or a street administrator's own);
    /// a community's post brings its street, and a different one is refused.
    /// </summary>
    public StreetId? StreetId { get; init; }
}

public sealed record AddedStaff(StaffId Id, string Name, AccessRole Role, string? UserName);
