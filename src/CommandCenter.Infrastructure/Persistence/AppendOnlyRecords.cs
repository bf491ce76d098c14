using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// The timeline, the units' handling records, the audit entries and the credit ledgers (items, appeals,
/// decisions, published lists, band revisions) are the record: every save through any context refuses to
/// change or remove one. A case command's audit line is its timeline event (the audit log reads
/// both, <see cref="AuditRecord"/>), so commands from every source are audited alike and stored
/// once. Part of every context's options (<see cref="DatabaseSetup"/>).
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
            if (entry.Entity is not (TimelineEvent or HandlingRecord or AuditEntry or CreditItem or CreditAppeal or CreditAppealDecision or CreditPublicationRow or StoredCreditBands or StoredCreditRules))
                continue;
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} is append-only: it cannot be changed or deleted.");
        }
    }
}
