using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>The street's table of who decides, held in memory and rebuilt from the database when an administrator changes it.</summary>
public sealed class DecisionRightsProvider
{
    private (DecisionRights Rights, int Revision) _current = (DecisionRights.Defaults, 0);

    public DecisionRights Rights => _current.Rights;
    /// <summary>The stored table's revision: 1 as seeded, raised by every change; 0 before the database is read.</summary>
    public int Revision => _current.Revision;

    /// <summary>Gives a new database the default table at revision 1; a stored table is left alone.</summary>
    public static async Task SeedAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        // A decision a later version of the product adds starts with its default posts, at the table's revision.
        var stored = await db.DecisionGrants.AsNoTracking().Select(g => new { g.Decision, g.Revision }).ToListAsync(cancellationToken);
        var missing = DecisionRights.Defaults.Rows.Where(row => stored.All(g => g.Decision != row.Key)).ToList();
        if (missing.Count == 0) return;
        var revision = stored.Count == 0 ? 1 : stored.Max(g => g.Revision);
        db.DecisionGrants.AddRange(missing.Select(row => new DecisionGrant { Decision = row.Key, Roles = DecisionGrant.Join(row.Value), Revision = revision }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task ReloadAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var grants = await db.DecisionGrants.AsNoTracking().ToListAsync(cancellationToken);
        _current = grants.Count == 0
            ? (DecisionRights.Defaults, 0)
            : (new DecisionRights(grants.Select(g => KeyValuePair.Create(g.Decision, g.RoleList))), grants.Max(g => g.Revision));
    }
}
