using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>Gives a new database a scoring scheme for every kind of unit and person, before it serves; administrators edit from there.</summary>
public static class ScoringDefaultsSeeder
{
    /// <summary>Every kind starts from <see cref="ScoringScheme.Default"/>; kinds that have a scheme are left alone.</summary>
    public static async Task SeedAsync(CommandCenterDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var seeded = await db.ScoringSchemes.Select(s => s.Kind).Distinct().ToListAsync(cancellationToken);
        db.ScoringSchemes.AddRange(Enum.GetValues<ScoredKind>().Except(seeded).Select(kind => StoredScheme.Of(ScoringScheme.Default(kind), nowUtc, "system")));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
