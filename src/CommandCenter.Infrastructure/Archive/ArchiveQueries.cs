using System.Globalization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// Reads the courtyard archive within a post's scope (<see cref="ArchiveScope"/>): a courtyard outside it
/// is not found; tags only for posts that may see them; numbers masked, and revealed one resident at a
/// time with an audit entry written in the same transaction, as a case's reporter is (<see cref="PersonalDataReveal"/>).
/// </summary>
public sealed class ArchiveQueries(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, OrganisationDirectory directory, INumberSealer sealer, TimeProvider clock)
{
    /// <summary>
    /// 一本账 by grouped counts (homes by building and use, residents by building and tag set) and the courtyard's titles as
    /// pairs of ids for the owner head count: what a courtyard holding half a street's homes can answer in milliseconds,
    /// where loading its homes and residents could not. The homes themselves are read a building at a time (<see cref="ArchiveRound.BuildingAsync"/>).
    /// </summary>
    public async Task<CourtyardArchiveView> CourtyardAsync(Post post, CourtyardId courtyardId, CancellationToken cancellationToken = default)
    {
        var courtyard = VisibleCourtyard(post, courtyardId);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-30);
        var quarter = Quarter.Of(now);
        var (start, end) = (quarter.StartUtc, quarter.EndUtc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var homesOfCourtyard = db.Homes.AsNoTracking().Where(h => h.CourtyardId == courtyardId);
        var homes = await homesOfCourtyard.GroupBy(h => new { h.BuildingId, h.Use })
            .Select(g => new { g.Key.BuildingId, g.Key.Use, Homes = g.Count(), Area = g.Sum(h => h.ExclusiveArea),
                Visited = g.Count(h => h.VisitedAtUtc >= start && h.VisitedAtUtc < end) })
            .ToListAsync(cancellationToken);
        // Joined from the courtyard's homes, so that SQLite walks its homes by index; a correlated EXISTS on the
        // residents or titles instead walks every home of the street (ten times slower at 50,000 homes).
        var residents = await homesOfCourtyard.Join(db.Residents.Where(r => r.Removal == null), h => h.Id, r => r.HomeId, (h, r) => new { h.BuildingId, r.Tags })
            .GroupBy(x => new { x.BuildingId, x.Tags }).Select(g => new { g.Key.BuildingId, g.Key.Tags, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var titles = await homesOfCourtyard.Join(db.Ownerships, h => h.Id, o => o.HomeId, (h, o) => new { o.HomeId, o.OwnerId }).ToListAsync(cancellationToken);
        var homesByBuilding = homes.GroupBy(h => h.BuildingId ?? default).ToDictionary(g => g.Key, g => g.Sum(h => h.Homes));
        var residentsByBuilding = residents.GroupBy(r => r.BuildingId ?? default).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var homeCount = homes.Sum(h => h.Homes);
        List<CaseState> final = [.. CaseStates.Final];
        var cases = db.Cases.AsNoTracking().VisibleTo(post).Where(c => c.CourtyardId == courtyardId);
        var figures = new CourtyardCaseFigures(await cases.CountAsync(cancellationToken),
            await cases.CountAsync(c => !final.Contains(c.State), cancellationToken),
            await cases.CountAsync(c => c.ReportedAtUtc >= since, cancellationToken));
        var yearStart = ChinaTime.StartOfLocalDayUtc(new DateOnly(ChinaTime.LocalDate(now).Year, 1, 1));
        var (members, facilities) = await CourtyardLists.ReadAsync(db, post, courtyardId,
            b => b is { } id ? directory.Building(id)?.Name ?? $"#{id}" : null, cases, yearStart, cancellationToken);
        return new CourtyardArchiveView(
            courtyard.Id, courtyard.Name, courtyard.Kind, directory.Community(courtyard.CommunityId)?.Name ?? "",
            directory.Units.FirstOrDefault(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Contains(courtyardId))?.Name,
            homeCount, Enum.GetValues<HomeUse>().ToDictionary(u => u, u => homes.Where(h => h.Use == u).Sum(h => h.Homes)), homes.Sum(h => h.Area),
            OwnerHeadCount.Of(homeCount, titles.Select(o => (o.HomeId, o.OwnerId))), residents.Sum(r => r.Count),
            ArchiveScope.SeesTags(post) ? ResidentTagSet.Each.ToDictionary(t => t, t => residents.Where(r => r.Tags.HasFlag(t)).Sum(r => r.Count)) : null,
            [.. directory.BuildingsOf(courtyardId).Select(b => new BuildingRow(b.Id, b.Name, homesByBuilding.GetValueOrDefault(b.Id), residentsByBuilding.GetValueOrDefault(b.Id)))],
            figures, quarter, homes.Sum(h => h.Visited), members, facilities);
    }

    /// <summary>The latest cases the post may see that name a facility of a courtyard in its scope; another's facility is not found.</summary>
    public async Task<IReadOnlyList<HomeCaseRow>> FacilityCasesAsync(Post post, long facilityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courtyardId = await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId).Select(f => (CourtyardId?)f.CourtyardId).SingleOrDefaultAsync(cancellationToken);
        if (courtyardId is not { } courtyard || directory.Courtyard(courtyard) is not { } known || !Visible(post, known))
            throw new RecordNotFoundException("Facility", facilityId.ToString(CultureInfo.InvariantCulture));
        FacilityId? named = new FacilityId(facilityId);
        return await db.Cases.AsNoTracking().VisibleTo(post).Where(c => c.FacilityId == named)
            .OrderByDescending(c => c.ReportedAtUtc).Take(HomeView.MaxCases)
            .Select(c => new HomeCaseRow(c.Id, c.Number, c.CategoryCode, c.State, c.ReportedAtUtc, c.Description))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One home as a post in its scope sees it: its figures, its current title, the owners who held it before (append-only,
    /// with their days and how it passed), and its current residents, tags only for posts that see them; numbers masked.
    /// </summary>
    public async Task<HomeView> HomeAsync(Post post, HomeId homeId, CancellationToken cancellationToken = default)
    {
        var courtyards = VisibleCourtyards(post).ToDictionary(c => c.Id, c => c.Name);
        List<CourtyardId> scope = [.. courtyards.Keys];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var home = await db.Homes.AsNoTracking().SingleOrDefaultAsync(h => h.Id == homeId && scope.Contains(h.CourtyardId), cancellationToken)
            ?? throw new RecordNotFoundException("Home", homeId.ToString());
        var owners = await db.Ownerships.AsNoTracking().Where(o => o.HomeId == homeId)
            .Join(db.Owners, o => o.OwnerId, p => p.Id, (o, p) => new TitleRow(p.Id, p.Name, p.Kind, o.Representative, o.Share, o.Since, p.IdNumberMasked, p.PhoneMasked))
            .ToListAsync(cancellationToken);
        var former = await db.FormerOwnerships.AsNoTracking().Where(o => o.HomeId == homeId)
            .Join(db.Owners, o => o.OwnerId, p => p.Id, (o, p) => new { o.Id, Row = new FormerOwnerRow(p.Id, p.Name, p.Kind, o.Since, o.Until, o.Change) })
            .ToListAsync(cancellationToken);
        var tags = ArchiveScope.SeesTags(post);
        var residents = await db.Residents.AsNoTracking().Where(r => r.HomeId == homeId && r.Removal == null).OrderBy(r => r.Household).ThenBy(r => r.Id)
            .Select(r => new HomeResidentRow(r.Id, r.Name, r.Household, r.Relation, tags ? r.Tags : (ResidentTags?)null, r.MovedInOn, r.IdNumberMasked, r.PhoneMasked))
            .ToListAsync(cancellationToken);
        var formerResidents = await db.Residents.AsNoTracking().Where(r => r.HomeId == homeId && r.Removal != null).OrderByDescending(r => r.MovedOutOn)
            .Select(r => new FormerResidentRow(r.Id, r.Name, r.Relation, r.MovedInOn, r.MovedOutOn, r.Removal!.Value))
            .ToListAsync(cancellationToken);
        // Cases name the building they were reported from, not the home: the building's (or, without one, the courtyard's) cases the post may see.
        var cases = await db.Cases.AsNoTracking().VisibleTo(post)
            .Where(c => c.CourtyardId == home.CourtyardId && (home.BuildingId == null || c.BuildingId == home.BuildingId))
            .OrderByDescending(c => c.ReportedAtUtc).Take(HomeView.MaxCases)
            .Select(c => new HomeCaseRow(c.Id, c.Number, c.CategoryCode, c.State, c.ReportedAtUtc, c.Description))
            .ToListAsync(cancellationToken);
        return new HomeView(home.Id, home.CourtyardId, courtyards[home.CourtyardId], home.BuildingId, home.UnitNumber, home.ExclusiveArea, home.AreaSource,
            home.Use, home.Source, home.ConfirmedAtUtc, home.VisitedAtUtc, [.. owners.OrderByDescending(o => o.Representative).ThenBy(o => o.Id)],
            [.. former.OrderByDescending(f => f.Row.Until).ThenByDescending(f => f.Id).Select(f => f.Row)], residents)
        {
            Building = home.BuildingId is { } building ? directory.Building(building)?.Name : null,
            FormerResidents = formerResidents,
            Cases = cases,
        };
    }

    /// <summary>Current residents carrying <see cref="PeopleQuery.Tag"/> in the post's scope, a page at a time, by courtyard and unit.</summary>
    public async Task<PagedResult<PersonRow>> PeopleAsync(Post post, PeopleQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Page < 0) throw new DomainValidationException("InvalidPage", "Pages are numbered from 0.", "page");
        if (query.PageSize is < 1 or > PeopleQuery.MaxPageSize)
            throw new DomainValidationException("InvalidPageSize", $"A page holds 1 to {PeopleQuery.MaxPageSize} people.", "pageSize");
        var (courtyards, tag) = Searched(post, query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = Found(db, courtyards, tag);
        var total = await found.CountAsync(cancellationToken);
        return new PagedResult<PersonRow>(await Rows(found.Skip(query.Page * query.PageSize).Take(query.PageSize), courtyards, cancellationToken), total);
    }

    /// <summary>
    /// Every person the search finds, numbers masked, for a download: refused without a reason, and audited with
    /// the reason and the number of people in the same write that reads them.
    /// </summary>
    public Task<IReadOnlyList<PersonRow>> ExportPeopleAsync(Post post, PeopleQuery query, string? reason, CancellationToken cancellationToken = default)
    {
        var (courtyards, tag) = Searched(post, query);
        var why = ExportReason.Check(reason);
        return unitOfWork.WriteAsync(async db =>
        {
            var rows = await Rows(Found(db, courtyards, tag), courtyards, cancellationToken);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.PersonalDataExported, clock.GetUtcNow().UtcDateTime,
                detail: $"{rows.Count} people, tag {tag}{(query.CommunityId is { } c ? $", community {c}" : "")}{(query.CourtyardId is { } y ? $", courtyard {y}" : "")}: {why}"));
            return rows;
        }, cancellationToken);
    }

    /// <summary>The courtyards a search covers (the scope's, narrowed to a community or courtyard) and its one tag; refused for a post that may not see tags.</summary>
    private (Dictionary<CourtyardId, string> Courtyards, ResidentTags Tag) Searched(Post post, PeopleQuery query)
    {
        if (!ArchiveScope.SeesTags(post)) throw new AccessRefusedException(AccessRefusal.OutOfScope);
        var tag = RequestField.Required(query.Tag, "tag");
        if (!ResidentTagSet.Each.Contains(tag)) throw new DomainValidationException("UnknownTag", "Give one tag.", "tag");
        var courtyards = VisibleCourtyards(post)
            .Where(c => (query.CommunityId is not { } community || c.CommunityId == community) && (query.CourtyardId is not { } one || c.Id == one))
            .ToDictionary(c => c.Id, c => c.Name);
        return (courtyards, tag);
    }

    private static IQueryable<FoundPerson> Found(CommandCenterDbContext db, Dictionary<CourtyardId, string> courtyards, ResidentTags tag) =>
        CurrentResidents(db, [.. courtyards.Keys]).Where(r => (r.Tags & tag) != 0)
            .Join(db.Homes, r => r.HomeId, h => h.Id, (r, h) => new FoundPerson { Resident = r, CourtyardId = h.CourtyardId, UnitNumber = h.UnitNumber })
            .OrderBy(x => x.CourtyardId).ThenBy(x => x.UnitNumber).ThenBy(x => x.Resident.Id);

    private static async Task<IReadOnlyList<PersonRow>> Rows(IQueryable<FoundPerson> found, Dictionary<CourtyardId, string> courtyards, CancellationToken cancellationToken)
    {
        var people = await found
            .Select(x => new { x.Resident.Id, x.Resident.Name, x.CourtyardId, x.UnitNumber, x.Resident.Relation, x.Resident.Tags, x.Resident.IdNumberMasked, x.Resident.PhoneMasked })
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => new PersonRow(p.Id, p.Name, p.CourtyardId, courtyards[p.CourtyardId], p.UnitNumber, p.Relation, p.Tags, p.IdNumberMasked, p.PhoneMasked))];
    }

    // Initialised by members, not a constructor, so that EF can order and project through it.
    private sealed class FoundPerson
    {
        public required Resident Resident { get; init; }
        public CourtyardId CourtyardId { get; init; }
        public required string UnitNumber { get; init; }
    }

    /// <summary>One resident's ID and phone numbers in full, to a post allowed to reveal within whose scope they live; audited in the same write.</summary>
    public Task<RevealedNumbers> RevealAsync(Post post, ResidentId residentId, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            List<CourtyardId> courtyards = [.. VisibleCourtyards(post).Select(c => c.Id)];
            var sealedNumbers = await db.Residents.AsNoTracking().Where(r => r.Id == residentId)
                .Where(r => db.Homes.Any(h => h.Id == r.HomeId && courtyards.Contains(h.CourtyardId)))
                .Select(r => new { r.IdNumberCipher, r.PhoneCipher }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new RecordNotFoundException("Resident", residentId.ToString());
            if (!post.Can(Capability.RevealPersonalData)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.PersonalDataRevealed, clock.GetUtcNow().UtcDateTime, detail: $"resident {residentId}"));
            return new RevealedNumbers(
                sealedNumbers.IdNumberCipher is { } id ? sealer.Open(id) : null, sealedNumbers.PhoneCipher is { } phone ? sealer.Open(phone) : null);
        }, cancellationToken);

    /// <summary>The courtyards whose archive the post may read.</summary>
    public IEnumerable<Courtyard> VisibleCourtyards(Post post) => directory.Courtyards.Where(c => Visible(post, c)).OrderBy(c => c.Id.Value);

    private Courtyard VisibleCourtyard(Post post, CourtyardId courtyardId) =>
        directory.Courtyard(courtyardId) is { } courtyard && Visible(post, courtyard)
            ? courtyard : throw new RecordNotFoundException("Courtyard", courtyardId.ToString());

    private bool Visible(Post post, Courtyard courtyard) => directory.StreetOf(courtyard) is { } street && ArchiveScope.Includes(post, courtyard, street.Id);

    private static IQueryable<Resident> CurrentResidents(CommandCenterDbContext db, List<CourtyardId> courtyards) =>
        db.Residents.AsNoTracking().Where(r => r.Removal == null && db.Homes.Any(h => h.Id == r.HomeId && courtyards.Contains(h.CourtyardId)));
}
