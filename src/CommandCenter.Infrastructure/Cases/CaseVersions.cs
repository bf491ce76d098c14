using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Tells a lost race from a real failure after a save was refused. A server that sends the whole save as one
/// batch (PostgreSQL) may report a concurrent write as the timeline's unique (case, sequence) index refusing
/// the new event rather than as EF's version check: either way the case moved on under the write.
/// </summary>
public static class CaseVersions
{
    /// <summary>Whether any of the cases is gone or no longer at the version the refused write read.</summary>
    public static async Task<bool> AnyChangedAsync(
        IDbContextFactory<CommandCenterDbContext> contexts, IReadOnlyCollection<(Guid Id, int Version)> read, CancellationToken cancellationToken)
    {
        if (read.Count == 0) return false;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = read.Select(r => r.Id).ToList();
        var now = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Version })
            .ToDictionaryAsync(c => c.Id, c => c.Version, cancellationToken);
        return read.Any(r => !now.TryGetValue(r.Id, out var version) || version != r.Version);
    }
}
