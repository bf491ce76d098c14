using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// The timeline and the audit log are the record: every save through any context refuses to
/// change or remove an entry. Every new timeline event is also an audit entry, written in the
/// same transaction, so commands from every source (console, phone, API, timers, simulator)
/// are audited alike. Part of every context's options (<see cref="DatabaseSetup"/>).
/// </summary>
internal sealed class AppendOnlyRecords : SaveChangesInterceptor
{
    public static readonly AppendOnlyRecords Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CommandCenterDbContext db) Keep(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CommandCenterDbContext db) Keep(db);
        return ValueTask.FromResult(result);
    }

    private static void Keep(CommandCenterDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not (TimelineEvent or AuditEntry)) continue;
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only: it cannot be changed or deleted.");
        }
        // Entries() has run DetectChanges: a new event's case id is fixed up from its case by now.
        var added = db.ChangeTracker.Entries<TimelineEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var e in added)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = e.OccurredAtUtc, Action = e.Type.ToString(), ActorName = e.ActorName, ActorRole = e.ActorRole,
                StaffId = e.ActorStaffId, UnitId = e.ActorUnitId, Source = e.Source, CaseId = e.CaseId,
            });
        }
    }
}
