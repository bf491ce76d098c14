using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// The quarterly round (issue 17) as read: the homes of the post's courtyards (<see cref="ArchiveScope"/> — a grid worker's
/// grid, a community's staff their community), building by building, with which were visited this <see cref="Quarter"/>.
/// The same grouped count is the community's figure of how much of its archive was confirmed. Visits are written by
/// <see cref="ArchiveBook.ConfirmHomeAsync"/>.
/// </summary>
public sealed class ArchiveRound(IDbContextFactory<CommandCenterDbContext> contexts, ArchiveQueries archive, OrganisationDirectory directory, TimeProvider clock)
{
    /// <summary>Every courtyard in scope with its buildings: homes, and homes visited this quarter.</summary>
    public async Task<RoundView> ProgressAsync(Post post, CancellationToken cancellationToken = default)
    {
        var quarter = Quarter.Of(clock.GetUtcNow().UtcDateTime);
        var courtyards = archive.VisibleCourtyards(post).ToList();
        List<CourtyardId> ids = [.. courtyards.Select(c => c.Id)];
        var start = quarter.StartUtc;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Homes.AsNoTracking().Where(h => ids.Contains(h.CourtyardId))
            .GroupBy(h => new { h.CourtyardId, h.BuildingId })
            .Select(g => new { g.Key.CourtyardId, g.Key.BuildingId, Homes = g.Count(), Visited = g.Count(h => h.VisitedAtUtc >= start) })
            .ToListAsync(cancellationToken);
        List<GridId> gridIds = [.. courtyards.Select(c => c.GridId).Distinct()];
        var grids = await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var byCourtyard = counts.ToLookup(c => c.CourtyardId);
        return new RoundView(quarter, [.. courtyards.Select(c =>
        {
            var rows = byCourtyard[c.Id].ToDictionary(r => r.BuildingId ?? default);
            // The directory's buildings in their order, then homes recorded without one.
            List<RoundBuilding> buildings = [.. directory.BuildingsOf(c.Id).Select(b => (BuildingId?)b.Id).Append(null)
                .Select(b => (Id: b, Row: rows.GetValueOrDefault(b ?? default)))
                .Where(b => b.Row is not null || b.Id is not null)
                .Select(b => new RoundBuilding(b.Id, b.Id is { } id ? directory.Building(id)?.Name ?? $"#{id}" : null, b.Row?.Homes ?? 0, b.Row?.Visited ?? 0))];
            return new RoundCourtyard(c.Id, c.Name, c.CommunityId, c.GridId, grids.GetValueOrDefault(c.GridId) ?? $"#{c.GridId}",
                buildings.Sum(b => b.Homes), buildings.Sum(b => b.Visited), buildings);
        })]);
    }

    /// <summary>The homes of one building of a courtyard in scope (or those without a building), by unit number; outside the scope, not found.</summary>
    public async Task<RoundBuildingView> BuildingAsync(Post post, CourtyardId courtyardId, BuildingId? buildingId, CancellationToken cancellationToken = default)
    {
        var courtyard = archive.VisibleCourtyards(post).FirstOrDefault(c => c.Id == courtyardId)
            ?? throw new RecordNotFoundException("Courtyard", courtyardId.ToString());
        var building = buildingId is { } id
            ? directory.Building(id) is { } known && known.CourtyardId == courtyardId ? known : throw new RecordNotFoundException("Building", id.ToString())
            : null;
        var quarter = Quarter.Of(clock.GetUtcNow().UtcDateTime);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var homes = await db.Homes.AsNoTracking().Where(h => h.CourtyardId == courtyardId && h.BuildingId == buildingId)
            .Select(h => new { h.Id, h.UnitNumber, h.Use, h.VisitedAtUtc, Residents = db.Residents.Count(r => r.HomeId == h.Id && r.Removal == null) })
            .ToListAsync(cancellationToken);
        return new RoundBuildingView(quarter, courtyard.Id, courtyard.Name, buildingId, building?.Name,
            // Shorter first, so that 12-902 comes before 12-1002 on the stairs.
            [.. homes.OrderBy(h => h.UnitNumber.Length).ThenBy(h => h.UnitNumber, StringComparer.Ordinal)
                .Select(h => new RoundHome(h.Id, h.UnitNumber, h.Use, h.Residents, h.VisitedAtUtc, quarter.Contains(h.VisitedAtUtc)))]);
    }
}

/// <summary>The round's courtyards in scope for <see cref="Quarter"/>.</summary>
public sealed record RoundView(Quarter Quarter, IReadOnlyList<RoundCourtyard> Courtyards)
{
    public int Homes => Courtyards.Sum(c => c.Homes);
    public int Visited => Courtyards.Sum(c => c.Visited);
}

/// <summary>A courtyard's homes and how many were visited this quarter; <see cref="Share"/> is 0 to 1.</summary>
public sealed record RoundCourtyard(CourtyardId CourtyardId, string Name, CommunityId CommunityId, GridId GridId, string Grid, int Homes, int Visited,
    IReadOnlyList<RoundBuilding> Buildings)
{
    public double Share => RoundShare.Of(Visited, Homes);
}

/// <summary>A building's homes and those visited; <see cref="BuildingId"/> null for homes recorded without a building.</summary>
public sealed record RoundBuilding(BuildingId? BuildingId, string? Name, int Homes, int Visited)
{
    public double Share => RoundShare.Of(Visited, Homes);
}

public sealed record RoundBuildingView(Quarter Quarter, CourtyardId CourtyardId, string Courtyard, BuildingId? BuildingId, string? Building, IReadOnlyList<RoundHome> Homes);

/// <summary>A home on the round: how many live there now, and when it was last visited.</summary>
public sealed record RoundHome(HomeId Id, string UnitNumber, HomeUse Use, int Residents, DateTime? VisitedAtUtc, bool VisitedThisQuarter);

public static class RoundShare
{
    /// <summary>The share visited; a courtyard with no homes on file has nothing left to visit.</summary>
    public static double Of(int visited, int homes) => homes == 0 ? 1 : (double)visited / homes;
}
