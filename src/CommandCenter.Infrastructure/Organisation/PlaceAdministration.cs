using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The administrator adds and renames the district's places — streets (each with its own case-number code),
/// communities, grids, courtyards (kind, homes, map point, outline), buildings: each one write, audited, in every
/// server's directory at once. Nothing is deleted: cases and figures name these places. A community's name is one in
/// its street, a grid's in its community, a building's in its courtyard: pickers and the roster import find them by name.
/// </summary>
public sealed class PlaceAdministration(UnitOfWork unitOfWork, DirectoryChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Adds a street to the district (null <paramref name="id"/>) or renames one; its code is its cases' numbers' and
    /// its posters', so it is given once and never changed. 404 for an unknown id, 409 for a name or code taken.
    /// </summary>
    public Task<Street> SaveStreetAsync(StreetId? id, string? name, string? code, Post by, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            var stored = id is null ? null : await db.Streets.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Street", id.ToString()!);
            var districtId = stored?.DistrictId ?? await db.Districts.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(cancellationToken);
            var street = PlaceRules.Street(id ?? new StreetId((await db.Streets.OrderByDescending(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), districtId, name, code);
            if (stored is not null && stored.Code != street.Code)
                throw new Domain.Common.DomainValidationException("StreetCodeFixed", "A street's code is not changed once given: its cases are numbered with it.", "streetCode");
            if (await db.Streets.AnyAsync(s => s.Name == street.Name && s.Id != street.Id, cancellationToken))
                throw new DuplicatePlaceException("Street", street.Name);
            if (await db.Streets.AnyAsync(s => s.Code == street.Code && s.Id != street.Id, cancellationToken))
                throw new DuplicatePlaceException("Street code", street.Code);
            if (stored is null) db.Streets.Add(street);
            else db.Entry(stored).Property(s => s.Name).CurrentValue = street.Name;
            return stored ?? street;
        }, "street", by, cancellationToken);

    /// <summary>
    /// Adds a community to a street (null <paramref name="id"/>; with one street, that one if none is named) or renames one,
    /// which stays in its street; 404 for an unknown id, 422 for an unknown street, 409 for a name taken.
    /// </summary>
    public Task<Community> SaveCommunityAsync(CommunityId? id, string? name, Post by, CancellationToken cancellationToken = default, StreetId? streetId = null) =>
        WriteAsync(async db =>
        {
            var stored = id is null ? null : await db.Communities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new Deadlines.RecordNotFoundException("Community", id.ToString()!);
            if (stored is not null && streetId is { } moved && moved != stored.StreetId)
                throw new Domain.Common.DomainValidationException("CommunityStreetFixed", "A community stays in its street: its cases are numbered there.", "streetId");
            var streets = await db.Streets.Select(s => s.Id).ToListAsync(cancellationToken);
            var street = stored?.StreetId ?? streetId ?? (streets.Count == 1 ? streets[0] : RequestField.Required<StreetId>(null, "streetId"));
            if (!streets.Contains(street)) throw new UnknownReferenceException("streetId", street.ToString());
            var community = PlaceRules.Community(id ?? new CommunityId((await db.Communities.OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), street, name);
            if (await db.Communities.AnyAsync(c => c.StreetId == street && c.Name == community.Name && c.Id != community.Id, cancellationToken))
                throw new DuplicatePlaceException("Community", community.Name);
            Save(db, stored, community, "Community", id?.ToString());
            return community;
        }, "community", by, cancellationToken);

    /// <summary>Adds a grid to a community (null <paramref name="id"/>) or changes one; 404 for an unknown id, 422 for an unknown community.</summary>
    public Task<Grid> SaveGridAsync(GridId? id, CommunityId communityId, string? name, Post by, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            if (!await db.Communities.AnyAsync(c => c.Id == communityId, cancellationToken))
                throw new UnknownReferenceException("communityId", communityId.ToString());
            var grid = PlaceRules.Grid(id ?? new GridId((await db.Grids.OrderByDescending(g => g.Id).Select(g => g.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), communityId, name);
            if (await db.Grids.AnyAsync(g => g.CommunityId == communityId && g.Name == grid.Name && g.Id != grid.Id, cancellationToken))
                throw new DuplicatePlaceException("Grid", grid.Name);
            Save(db, id is null ? null : await db.Grids.SingleOrDefaultAsync(g => g.Id == id, cancellationToken), grid, "Grid", id?.ToString());
            return grid;
        }, "grid", by, cancellationToken);

    /// <summary>Adds a courtyard to a grid (null <paramref name="id"/>) or changes one; 404 for an unknown id, 422 naming the field.</summary>
    public Task<Courtyard> SaveCourtyardAsync(CourtyardId? id, CourtyardInput input, Post by, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            var gridId = RequestField.Required(input.GridId, "gridId");
            var grid = await db.Grids.AsNoTracking().SingleOrDefaultAsync(g => g.Id == gridId, cancellationToken)
                ?? throw new UnknownReferenceException("gridId", gridId.ToString());
            var courtyard = PlaceRules.Courtyard(
                id ?? new CourtyardId((await db.Courtyards.OrderByDescending(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), grid, input.Name,
                RequestField.Required(input.Kind, "kind"), RequestField.Required(input.Homes, "homes"),
                RequestField.Required(input.Latitude, "latitude"), RequestField.Required(input.Longitude, "longitude"), input.Outline);
            Save(db, id is null ? null : await db.Courtyards.SingleOrDefaultAsync(c => c.Id == id, cancellationToken), courtyard, "Courtyard", id?.ToString());
            return courtyard;
        }, "courtyard", by, cancellationToken);

    /// <summary>Adds a building to a courtyard (null <paramref name="id"/>) or renames one; 404 for an unknown id, 422 for an unknown courtyard.</summary>
    public Task<Building> SaveBuildingAsync(BuildingId? id, CourtyardId courtyardId, string? name, Post by, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            if (!await db.Courtyards.AnyAsync(c => c.Id == courtyardId, cancellationToken))
                throw new UnknownReferenceException("courtyardId", courtyardId.ToString());
            var building = PlaceRules.Building(id ?? new BuildingId((await db.Buildings.OrderByDescending(b => b.Id).Select(b => b.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1), courtyardId, name);
            if (await db.Buildings.AnyAsync(b => b.CourtyardId == courtyardId && b.Name == building.Name && b.Id != building.Id, cancellationToken))
                throw new DuplicatePlaceException("Building", building.Name);
            Save(db, id is null ? null : await db.Buildings.SingleOrDefaultAsync(b => b.Id == id, cancellationToken), building, "Building", id?.ToString());
            return building;
        }, "building", by, cancellationToken);

    private Task<T> WriteAsync<T>(Func<CommandCenterDbContext, Task<T>> work, string what, Post by, CancellationToken cancellationToken) where T : class =>
        unitOfWork.WriteAsync(async db =>
        {
            var place = await work(db);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.PlaceSaved, clock.GetUtcNow().UtcDateTime, detail: $"{what} {Describe(place)}"));
            return place;
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>A new place is added; a changed one takes the new values, or is refused as unknown when its id is none.</summary>
    private static void Save<T>(CommandCenterDbContext db, T? stored, T changed, string what, string? id) where T : class
    {
        if (id is null) db.Add(changed);
        else if (stored is null) throw new Deadlines.RecordNotFoundException(what, id);
        else db.Entry(stored).CurrentValues.SetValues(changed);
    }

    private static string Describe(object place) => place switch
    {
        Street s => $"{s.Id} {s.Name} ({s.Code})",
        Community c => $"{c.Id} {c.Name} (street {c.StreetId})",
        Grid g => $"{g.Id} {g.Name} (community {g.CommunityId})",
        Courtyard c => $"{c.Id} {c.Name} ({c.Kind}, {c.Homes} homes, grid {c.GridId}, {(c.Outline is { } o ? $"outline of {o.Count} points" : "no outline")})",
        Building b => $"{b.Id} {b.Name} (courtyard {b.CourtyardId})",
        _ => place.ToString() ?? "",
    };
}

/// <summary>A courtyard as the administrator writes it; its outline GeoJSON-like, [longitude, latitude] pairs (null: none).</summary>
public sealed record CourtyardInput(
    string? Name, GridId? GridId, CourtyardKind? Kind, int? Homes, double? Latitude, double? Longitude, IReadOnlyList<double[]?>? Outline = null);

/// <summary>Another place of the same kind under the same parent has the name: 409, naming the field.</summary>
public sealed class DuplicatePlaceException(string what, string name) : Exception($"{what} {name} exists already under the same place.");
