using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// Writes to the archive by hand (issue 17): residents added, corrected and taken out of the book without
/// losing their record, and a home's owners recorded as one title. Each act is one write through the unit of
/// work with its audit entry; a home or resident outside the post's scope is not found, as in <see cref="ArchiveQueries"/>.
/// </summary>
public sealed class ArchiveBook(UnitOfWork unitOfWork, ArchiveQueries archive, INumberSealer sealer, TimeProvider clock)
{
    public Task<ResidentId> AddResidentAsync(Post post, HomeId homeId, ResidentInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.KeepResidentBook);
        var now = clock.GetUtcNow().UtcDateTime;
        var movedIn = NotAfterToday(input.MovedInOn, now, "movedInOn");
        var (idNumber, phone) = Seal(input.IdNumber, input.Phone);
        return unitOfWork.WriteAsync(async db =>
        {
            await VisibleHomeAsync(db, post, homeId, cancellationToken);
            var id = new ResidentId((await db.Residents.OrderByDescending(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1);
            db.Residents.Add(Resident.Record(id, homeId, input.Name, RequestField.Required(input.Household, "household"),
                RequestField.Required(input.Relation, "relation"), movedIn, input.Tags ?? ResidentTags.None, idNumber, phone, SourceOf(post), now));
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.ResidentAdded, now, detail: $"resident {id} home {homeId}"));
            return id;
        }, cancellationToken);
    }

    public Task ChangeResidentAsync(Post post, ResidentId residentId, ResidentChangeInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.KeepResidentBook);
        var now = clock.GetUtcNow().UtcDateTime;
        var movedIn = NotAfterToday(input.MovedInOn, now, "movedInOn");
        return unitOfWork.WriteAsync(async db =>
        {
            var resident = await VisibleResidentAsync(db, post, residentId, cancellationToken);
            resident.Change(input.Household ?? resident.Household, RequestField.Optional(input.Relation, "relation") ?? resident.Relation,
                input.Tags ?? resident.Tags, movedIn ?? resident.MovedInOn, SourceOf(post), now);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.ResidentChanged, now, detail: $"resident {residentId}"));
        }, cancellationToken);
    }

    /// <summary>Moved away or deceased: the record stays, with the day and the reason.</summary>
    public Task RemoveResidentAsync(Post post, ResidentId residentId, RemovalInput input, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.KeepResidentBook);
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = RequestField.Required(input.Reason, "reason");
        var on = NotAfterToday(RequestField.Required(input.On, "on"), now, "on")!.Value;
        return unitOfWork.WriteAsync(async db =>
        {
            var resident = await VisibleResidentAsync(db, post, residentId, cancellationToken);
            resident.Remove(reason, on, SourceOf(post), now);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.ResidentRemoved, now, detail: $"resident {residentId} {reason} {on:yyyy-MM-dd}"));
        }, cancellationToken);
    }

    /// <summary>
    /// The quarterly round's visit: the home and every current resident are confirmed as they now stand (corrections made
    /// on the visit are written first, each by its own act), and the home counts as visited this <see cref="Quarter"/>.
    /// </summary>
    public Task ConfirmHomeAsync(Post post, HomeId homeId, CancellationToken cancellationToken = default)
    {
        Require(post, Capability.KeepResidentBook);
        var now = clock.GetUtcNow().UtcDateTime;
        return unitOfWork.WriteAsync(async db =>
        {
            List<CourtyardId> courtyards = [.. archive.VisibleCourtyards(post).Select(c => c.Id)];
            var home = await db.Homes.SingleOrDefaultAsync(h => h.Id == homeId && courtyards.Contains(h.CourtyardId), cancellationToken)
                ?? throw new RecordNotFoundException("Home", homeId.ToString());
            var source = SourceOf(post);
            home.Visit(source, now);
            var residents = await db.Residents.Where(r => r.HomeId == homeId && r.Removal == null).ToListAsync(cancellationToken);
            foreach (var resident in residents) resident.Confirm(source, now);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.HomeVisited, now, detail: $"home {homeId}: {residents.Count} residents, {Quarter.Of(now)}"));
        }, cancellationToken);
    }

    /// <summary>
    /// The home's title in full, replacing the one on file: each owner either one already on file (by id, or
    /// found by ID number, so that one person owning several units stays one owner) or a new one.
    /// </summary>
    public Task RecordOwnersAsync(Post post, HomeId homeId, HomeOwnersInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return WriteTitleAsync(post, homeId, input.Owners, TitleChange.Recorded, ChinaTime.LocalDate(now), now, cancellationToken);
    }

    /// <summary>
    /// The title passes (a sale, an inheritance, …) on a day: the owners who leave are kept as former owners until that day,
    /// the new ones hold it from that day.
    /// </summary>
    public Task TransferTitleAsync(Post post, HomeId homeId, TitleTransferInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var change = KnownValue.Of(RequestField.Required(input.Change, "change"), "change");
        var on = NotAfterToday(RequestField.Required(input.On, "on"), now, "on")!.Value;
        return WriteTitleAsync(post, homeId, input.Owners, change, on, now, cancellationToken);
    }

    private Task WriteTitleAsync(Post post, HomeId homeId, IReadOnlyList<OwnerInput>? owners, TitleChange change, DateOnly on, DateTime now,
        CancellationToken cancellationToken)
    {
        Require(post, Capability.KeepOwnerRegister);
        var given = owners ?? throw new DomainValidationException("Required", "owners is required.", "owners");
        if (given.Count is < 1 or > Ownership.MaxCoOwners)
            throw new DomainValidationException("InvalidCoOwners", $"A home has 1 to {Ownership.MaxCoOwners} owners on its title.", "owners");
        var sealedNumbers = given.Select(o => o.OwnerId is null ? Seal(o.IdNumber, o.Phone) : (null, null)).ToList();
        return unitOfWork.WriteAsync(async db =>
        {
            await VisibleHomeAsync(db, post, homeId, cancellationToken);
            var source = SourceOf(post);
            var nextId = (await db.Owners.OrderByDescending(o => o.Id).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
            List<(OwnerId, bool, decimal?)> title = [];
            // Owners added by this title, by ID number, so that one given twice is one owner (and then refused as on the title twice).
            Dictionary<string, OwnerId> addedByNumber = [];
            for (var i = 0; i < given.Count; i++)
            {
                var (owner, (idNumber, phone)) = (given[i], sealedNumbers[i]);
                OwnerId? onFile = owner.OwnerId is { } id
                    ? await db.Owners.AnyAsync(o => o.Id == new OwnerId(id), cancellationToken)
                        ? new OwnerId(id) : throw new UnknownReferenceException($"owners[{i}].ownerId", id.ToString())
                    : idNumber is null ? null
                    : addedByNumber.TryGetValue(idNumber.Lookup, out var added) ? added
                    : await db.Owners.Where(o => o.IdNumberLookup == idNumber.Lookup).Select(o => (OwnerId?)o.Id).FirstOrDefaultAsync(cancellationToken);
                if (onFile is null)
                {
                    var recorded = Owner.Record(new OwnerId(nextId++), RequestField.Required(owner.Kind, $"owners[{i}].kind"), owner.Name, idNumber, phone, source, now);
                    db.Owners.Add(recorded);
                    if (idNumber is not null) addedByNumber[idNumber.Lookup] = recorded.Id;
                    onFile = recorded.Id;
                }
                title.Add((onFile.Value, owner.Representative, owner.Share));
            }
            // A deed's new owners hold the title from its day; a correction does not know since when.
            var newTitle = Ownership.Title(homeId, title, source, now, change == TitleChange.Recorded ? null : on);
            HomeTitles.Replace(db, await db.Ownerships.Where(o => o.HomeId == homeId).ToListAsync(cancellationToken), newTitle, source, now, change, on);
            db.AuditEntries.Add(AuditLog.EntryOf(post, change == TitleChange.Recorded ? AuditActions.HomeOwnersRecorded : AuditActions.HomeTitleTransferred, now,
                detail: $"home {homeId}{(change == TitleChange.Recorded ? "" : $" {change} {on:yyyy-MM-dd}")}: {string.Join(", ", newTitle.Select(o => o.Representative ? $"{o.OwnerId}*" : o.OwnerId.ToString()))}"));
        }, cancellationToken);
    }

    /// <summary>Where a record entered by hand came from: a grid worker's round, the property company's list, or the community's book.</summary>
    public static ArchiveSource SourceOf(Post post) => post.Role switch
    {
        AccessRole.GridWorker => ArchiveSource.GridRound,
        AccessRole.PropertyStaff => ArchiveSource.PropertyCompany,
        _ => ArchiveSource.ResidentBook,
    };

    private (SealedNumber? IdNumber, SealedNumber? Phone) Seal(string? idNumber, string? phone)
    {
        var id = IdNumber.Check(idNumber);
        var digits = PhoneNumber.Check(phone, "phone");
        return (id is null ? null : sealer.Seal(id, PersonalData.MaskIdNumber), digits is null ? null : sealer.Seal(digits, PersonalData.MaskPhone));
    }

    private static DateOnly? NotAfterToday(DateOnly? day, DateTime nowUtc, string field) =>
        day is { } given && given > ChinaTime.LocalDate(nowUtc)
            ? throw new DomainValidationException("ArchiveDateInFuture", "The day has not come yet.", field) : day;

    private static void Require(Post post, Capability capability)
    {
        if (!post.Can(capability)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
    }

    private async Task VisibleHomeAsync(CommandCenterDbContext db, Post post, HomeId homeId, CancellationToken cancellationToken)
    {
        List<CourtyardId> courtyards = [.. archive.VisibleCourtyards(post).Select(c => c.Id)];
        if (!await db.Homes.AnyAsync(h => h.Id == homeId && courtyards.Contains(h.CourtyardId), cancellationToken))
            throw new RecordNotFoundException("Home", homeId.ToString());
    }

    private async Task<Resident> VisibleResidentAsync(CommandCenterDbContext db, Post post, ResidentId residentId, CancellationToken cancellationToken)
    {
        List<CourtyardId> courtyards = [.. archive.VisibleCourtyards(post).Select(c => c.Id)];
        return await db.Residents.Where(r => r.Id == residentId && db.Homes.Any(h => h.Id == r.HomeId && courtyards.Contains(h.CourtyardId)))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Resident", residentId.ToString());
    }
}

/// <summary>A resident to add to a home; numbers are optional (a child has no phone), checked, and sealed at once.</summary>
public sealed record ResidentInput(string? Name, int? Household, Relation? Relation, DateOnly? MovedInOn, ResidentTags? Tags, string? IdNumber, string? Phone);

/// <summary>A correction of a resident; a field left out stays as it is.</summary>
public sealed record ResidentChangeInput(int? Household, Relation? Relation, ResidentTags? Tags, DateOnly? MovedInOn = null);

/// <summary>Why and on which day a resident left the book.</summary>
public sealed record RemovalInput(RemovalReason? Reason, DateOnly? On);

/// <summary>One owner on a home's title: an owner on file by id, or a new one by kind, name and numbers.</summary>
/// <see cref="Share"/> is the owner's share in percent when co-owners hold shares (按份共有).
public sealed record OwnerInput(int? OwnerId, OwnerKind? Kind, string? Name, string? IdNumber, string? Phone, bool Representative, decimal? Share = null);

public sealed record HomeOwnersInput(IReadOnlyList<OwnerInput>? Owners);

/// <summary>A title passing to new owners: how, on which day, and the title in full afterwards.</summary>
public sealed record TitleTransferInput(TitleChange? Change, DateOnly? On, IReadOnlyList<OwnerInput>? Owners);
