using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
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
/// A courtyard's lists beside its homes (issue 17): the owners' committee, the party group, the building heads and the
/// facilities. Each is written whole, as the election, the roll or the property company's list gives it, in one write with
/// its audit entry; its rows then carry the writer's source and the time. A facility is also added, changed and retired one
/// row at a time by its id; a retired one stays on file. Read with the courtyard (<see cref="ArchiveQueries.CourtyardAsync"/>).
/// </summary>
public sealed class CourtyardLists(UnitOfWork unitOfWork, ArchiveQueries archive, OrganisationDirectory directory, TimeProvider clock)
{
    public Task RecordBodyAsync(Post post, CourtyardId courtyardId, CourtyardBody body, BodyInput input, CancellationToken cancellationToken = default)
    {
        if (!CourtyardListRights.KeepsBodies(post)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        VisibleCourtyard(post, courtyardId);
        var now = clock.GetUtcNow().UtcDateTime;
        var given = input.Members ?? throw new DomainValidationException("Required", "members is required.", "members");
        List<MemberEntry> entries = [.. given.Select((m, i) => Given(m, $"members[{i}]")).Select((m, i) => new MemberEntry(m.Name,
            RequestField.Required(m.Role, $"members[{i}].role"), BuildingOf(courtyardId, m.BuildingId, $"members[{i}].buildingId")))];
        var term = input.TermFrom is { } from && input.TermUntil is { } until ? new Term(from, until) : null;
        var members = CourtyardMember.OfBody(courtyardId, KnownValue.Of(body, "body"), entries, term, ArchiveBook.SourceOf(post), now);
        return unitOfWork.WriteAsync(async db =>
        {
            db.CourtyardMembers.RemoveRange(await db.CourtyardMembers.Where(m => m.CourtyardId == courtyardId && m.Body == body).ToListAsync(cancellationToken));
            db.CourtyardMembers.AddRange(members);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.CourtyardBodyRecorded, now,
                detail: $"courtyard {courtyardId} {body}: {members.Count}{(term is null ? "" : $", {term.From:yyyy-MM-dd}–{term.Until:yyyy-MM-dd}")}"));
        }, cancellationToken);
    }

    public Task RecordFacilitiesAsync(Post post, CourtyardId courtyardId, FacilitiesInput input, CancellationToken cancellationToken = default)
    {
        if (!CourtyardListRights.KeepsFacilities(post)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        VisibleCourtyard(post, courtyardId);
        var now = clock.GetUtcNow().UtcDateTime;
        var given = input.Facilities ?? throw new DomainValidationException("Required", "facilities is required.", "facilities");
        List<FacilityEntry> entries = [.. given.Select((f, i) => Given(f, $"facilities[{i}]")).Select((f, i) => new FacilityEntry(RequestField.Required(f.Kind, $"facilities[{i}].kind"),
            RequestField.Required(f.Count, $"facilities[{i}].count"), f.Place, f.State ?? FacilityState.Working,
            BuildingOf(courtyardId, f.BuildingId, $"facilities[{i}].buildingId")))];
        var facilities = Facility.List(courtyardId, entries, ArchiveBook.SourceOf(post), now);
        return unitOfWork.WriteAsync(async db =>
        {
            // The list replaces the rows on it; retired rows are history and stay, and so does a row a case names: it is retired.
            var onList = await db.Facilities.Where(f => f.CourtyardId == courtyardId && f.RetiredAtUtc == null).ToListAsync(cancellationToken);
            List<FacilityId?> ids = [.. onList.Select(f => (FacilityId?)new FacilityId(f.Id))];
            var named = (await db.Cases.Where(c => ids.Contains(c.FacilityId)).Select(c => c.FacilityId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
            foreach (var row in onList)
            {
                if (named.Contains(new FacilityId(row.Id))) row.Retire(ArchiveBook.SourceOf(post), now);
                else db.Facilities.Remove(row);
            }
            db.Facilities.AddRange(facilities);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.FacilitiesRecorded, now,
                detail: $"courtyard {courtyardId}: {facilities.Count} rows, {facilities.Count(f => f.State != FacilityState.Working)} not working"));
        }, cancellationToken);
    }

    /// <summary>One facility added to the courtyard's list; its id is returned.</summary>
    public async Task<long> AddFacilityAsync(Post post, CourtyardId courtyardId, FacilityInput input, CancellationToken cancellationToken = default)
    {
        if (!CourtyardListRights.KeepsFacilities(post)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        VisibleCourtyard(post, courtyardId);
        var now = clock.GetUtcNow().UtcDateTime;
        var facility = Facility.Of(courtyardId, EntryOf(courtyardId, input), ArchiveBook.SourceOf(post), now);
        await unitOfWork.WriteAsync(async db =>
        {
            if (await db.Facilities.CountAsync(f => f.CourtyardId == courtyardId && f.RetiredAtUtc == null, cancellationToken) >= Facility.MaxListLength)
                throw new DomainValidationException("InvalidFacilityList", $"A courtyard's list has at most {Facility.MaxListLength} rows.", "facilities");
            db.Facilities.Add(facility);
            // The id is the database's, given at the commit: the entry names the row by its place.
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.FacilityAdded, now,
                detail: $"courtyard {courtyardId}: {facility.Kind} ×{facility.Count} {facility.State} at {facility.Place}"));
        }, cancellationToken);
        return facility.Id;
    }

    /// <summary>One facility corrected in full (kind, count, place, state, building).</summary>
    public Task ChangeFacilityAsync(Post post, long facilityId, FacilityInput input, CancellationToken cancellationToken = default) =>
        FacilityWriteAsync(post, facilityId, AuditActions.FacilityChanged, (facility, now) =>
            facility.Change(EntryOf(facility.CourtyardId, input), ArchiveBook.SourceOf(post), now), cancellationToken);

    /// <summary>One facility taken off the list, kept on file with its history.</summary>
    public Task RetireFacilityAsync(Post post, long facilityId, CancellationToken cancellationToken = default) =>
        FacilityWriteAsync(post, facilityId, AuditActions.FacilityRetired, (facility, now) => facility.Retire(ArchiveBook.SourceOf(post), now), cancellationToken);

    /// <summary>A facility of a courtyard in the post's scope (else not found), changed by the domain and audited in one write.</summary>
    private Task FacilityWriteAsync(Post post, long facilityId, string action, Action<Facility, DateTime> change, CancellationToken cancellationToken)
    {
        if (!CourtyardListRights.KeepsFacilities(post)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        var now = clock.GetUtcNow().UtcDateTime;
        return unitOfWork.WriteAsync(async db =>
        {
            var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Id == facilityId, cancellationToken)
                ?? throw new RecordNotFoundException("Facility", facilityId.ToString());
            VisibleCourtyard(post, facility.CourtyardId, "Facility", facilityId.ToString());
            change(facility, now);
            db.AuditEntries.Add(AuditLog.EntryOf(post, action, now,
                detail: $"facility {facility.Id} courtyard {facility.CourtyardId}: {facility.Kind} ×{facility.Count} {facility.State}"));
        }, cancellationToken);
    }

    private FacilityEntry EntryOf(CourtyardId courtyardId, FacilityInput input) =>
        new(RequestField.Required(input.Kind, "kind"), RequestField.Required(input.Count, "count"), input.Place, input.State ?? FacilityState.Working,
            BuildingOf(courtyardId, input.BuildingId, "buildingId"));

    /// <summary>
    /// The courtyard's bodies the post may see, and its facilities, with where each row came from and when, and how many of
    /// <paramref name="cases"/> (the courtyard's the post sees) name each: still open, and reported since <paramref name="yearStartUtc"/>.
    /// </summary>
    public static async Task<(IReadOnlyList<MemberRow> Members, IReadOnlyList<FacilityRow> Facilities)> ReadAsync(CommandCenterDbContext db, Post post,
        CourtyardId courtyardId, Func<BuildingId?, string?> buildingName, IQueryable<Domain.Cases.Case> cases, DateTime yearStartUtc, CancellationToken cancellationToken)
    {
        List<Domain.Cases.CaseState> final = [.. Domain.Cases.CaseStates.Final];
        var counts = (await cases.Where(c => c.FacilityId != null).GroupBy(c => c.FacilityId)
            .Select(g => new { Id = g.Key, Open = g.Count(c => !final.Contains(c.State)), ThisYear = g.Count(c => c.ReportedAtUtc >= yearStartUtc) })
            .ToListAsync(cancellationToken)).ToDictionary(c => c.Id!.Value);
        List<CourtyardBody> seen = [.. Enum.GetValues<CourtyardBody>().Where(b => CourtyardListRights.Sees(post, b))];
        var members = await db.CourtyardMembers.AsNoTracking().Where(m => m.CourtyardId == courtyardId && seen.Contains(m.Body)).OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.CourtyardId == courtyardId && f.RetiredAtUtc == null).OrderBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return (
            [.. members.OrderBy(m => m.Body).ThenBy(m => m.Role).Select(m => new MemberRow(m.Body, m.Role, m.Name, m.BuildingId, buildingName(m.BuildingId),
                m.TermFrom, m.TermUntil, m.Source, m.ConfirmedAtUtc))],
            [.. facilities.OrderBy(f => f.Kind).Select(f => new FacilityRow(f.Id, f.Kind, f.Count, f.Place, f.State, f.BuildingId, buildingName(f.BuildingId),
                f.Source, f.ConfirmedAtUtc)
            {
                OpenCases = counts.GetValueOrDefault(new FacilityId(f.Id))?.Open ?? 0,
                CasesThisYear = counts.GetValueOrDefault(new FacilityId(f.Id))?.ThisYear ?? 0,
            })]);
    }

    /// <summary>Outside the post's scope a record is not found, as if it were not there.</summary>
    private void VisibleCourtyard(Post post, CourtyardId courtyardId, string record = "Courtyard", string? id = null)
    {
        if (!archive.VisibleCourtyards(post).Any(c => c.Id == courtyardId)) throw new RecordNotFoundException(record, id ?? courtyardId.ToString());
    }

    /// <summary>A list's row that is there (JSON may send null for one).</summary>
    private static T Given<T>(T? row, string field) where T : class =>
        row ?? throw new DomainValidationException("Required", $"{field} is required.", field);

    /// <summary>A building given must be one of the courtyard's.</summary>
    private BuildingId? BuildingOf(CourtyardId courtyardId, int? buildingId, string field) =>
        buildingId is not { } id ? null
        : directory.Building(new BuildingId(id)) is { } building && building.CourtyardId == courtyardId ? building.Id
        : throw new UnknownReferenceException(field, id.ToString());
}

/// <summary>A body in full: its people, and for the owners' committee its term.</summary>
public sealed record BodyInput(IReadOnlyList<MemberInput>? Members, DateOnly? TermFrom = null, DateOnly? TermUntil = null);

public sealed record MemberInput(string? Name, BodyRole? Role, int? BuildingId = null);

/// <summary>A courtyard's facilities in full.</summary>
public sealed record FacilitiesInput(IReadOnlyList<FacilityInput>? Facilities);

/// <summary>A row of facilities; its state is Working unless said.</summary>
public sealed record FacilityInput(FacilityKind? Kind, int? Count, string? Place, FacilityState? State = null, int? BuildingId = null);

/// <summary>A person of a courtyard's body, with the record's source and when it was last confirmed.</summary>
public sealed record MemberRow(CourtyardBody Body, BodyRole Role, string Name, BuildingId? BuildingId, string? Building, DateOnly? TermFrom, DateOnly? TermUntil,
    ArchiveSource Source, DateTime ConfirmedAtUtc);

/// <summary>A row of a courtyard's facilities (by its id, to change or retire it), with the record's source and when it was last confirmed.</summary>
public sealed record FacilityRow(long Id, FacilityKind Kind, int Count, string Place, FacilityState State, BuildingId? BuildingId, string? Building,
    ArchiveSource Source, DateTime ConfirmedAtUtc)
{
    /// <summary>Cases the post sees that name this facility and are not finished.</summary>
    public int OpenCases { get; init; }
    /// <summary>Cases the post sees that name this facility, reported this calendar year (China time).</summary>
    public int CasesThisYear { get; init; }
}
