using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// The archive's counts per courtyard for the wall's drill-down: homes, current residents, and residents by tag, from two
/// grouped queries (homes by courtyard; residents by courtyard and tag set, summed per tag here), kept for
/// <see cref="MaxAge"/>. Why a minute and not per change: the wall renders up to four times a second on case events, while
/// the archive changes by hand or by import a few times a day; counts a minute late do no harm on a wall, and a busy
/// wall then costs the database one query pair a minute however many screens watch.
/// </summary>
public sealed class ArchiveTally(IDbContextFactory<CommandCenterDbContext> contexts, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTime AtUtc, IReadOnlyDictionary<CourtyardId, CourtyardTally> Counts)? _cached;

    public async Task<IReadOnlyDictionary<CourtyardId, CourtyardTally>> CountsAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } fresh) return fresh;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another screen may have counted while this one waited.
            if (Fresh() is { } counted) return counted;
            var counts = await CountAsync(cancellationToken);
            _cached = (clock.GetUtcNow().UtcDateTime, counts);
            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IReadOnlyDictionary<CourtyardId, CourtyardTally>? Fresh() =>
        _cached is { } cached && clock.GetUtcNow().UtcDateTime - cached.AtUtc < MaxAge ? cached.Counts : null;

    private async Task<IReadOnlyDictionary<CourtyardId, CourtyardTally>> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var homes = await db.Homes.AsNoTracking().GroupBy(h => h.CourtyardId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var residents = await db.Residents.AsNoTracking().Where(r => r.Removal == null)
            .Join(db.Homes, r => r.HomeId, h => h.Id, (r, h) => new { h.CourtyardId, r.Tags })
            .GroupBy(x => new { x.CourtyardId, x.Tags }).Select(g => new { g.Key.CourtyardId, g.Key.Tags, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byCourtyard = residents.ToLookup(r => r.CourtyardId);
        return homes.Keys.Union(byCourtyard.Select(g => g.Key)).ToDictionary(id => id, id => new CourtyardTally(
            homes.GetValueOrDefault(id), byCourtyard[id].Sum(r => r.Count),
            ResidentTagSet.Each.ToDictionary(t => t, t => byCourtyard[id].Where(r => r.Tags.HasFlag(t)).Sum(r => r.Count))));
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>A courtyard's (or, summed, a community's) homes, current residents, and residents carrying each tag.</summary>
public sealed record CourtyardTally(int Homes, int Residents, IReadOnlyDictionary<ResidentTags, int> Tags)
{
    public static CourtyardTally Sum(IEnumerable<CourtyardTally> tallies)
    {
        List<CourtyardTally> all = [.. tallies];
        return new(all.Sum(t => t.Homes), all.Sum(t => t.Residents),
            ResidentTagSet.Each.ToDictionary(tag => tag, tag => all.Sum(t => t.Tags.GetValueOrDefault(tag))));
    }
}
