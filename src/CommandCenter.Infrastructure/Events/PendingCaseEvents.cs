using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Events;

/// <summary>
/// How events leave a transaction: collected from the change tracker before SaveChanges
/// (the timeline events about to be inserted), published only after the commit succeeded.
/// A rolled-back transaction publishes nothing. If the process dies between commit and
/// publish, no screen is misled for long: the timeline in the database is the record, and
/// the projection and every screen rebuild from it when they start or reconnect.
/// </summary>
public static class PendingCaseEvents
{
    public static IReadOnlyList<CaseEvent> Collect(CommandCenterDbContext db)
    {
        // Entries() detects changes first, so new timeline events carry their case's key.
        var cases = db.ChangeTracker.Entries<Case>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        return [.. db.ChangeTracker.Entries<TimelineEvent>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Sequence)
            .Select(e => CaseEvent.Of(cases[e.CaseId], e))];
    }
}
