using System.Data.Common;
using System.Runtime.CompilerServices;
using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Events;

/// <summary>
/// The only publisher of case events. When SaveChanges starts, the change tracker knows which
/// timeline events are about to be inserted: they are collected then, as case events, and handed
/// to the stream only once the transaction that holds them commits — SaveChanges' own, or the
/// caller's (the group-committed intake). A failed save or a rolled-back transaction publishes
/// nothing. If the process dies between commit and publish, no screen is misled for long: the
/// timeline in the database is the record, and the projection and every screen rebuild from it
/// when they start or reconnect.
/// </summary>
public sealed class CaseEventsInterceptor(ICaseEventStream stream) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Per context, and per lease of a pooled context: a context back from the pool starts empty.
    private static readonly ConditionalWeakTable<DbContext, Outbox> Outboxes = [];

    /// <summary>
    /// Loads history (demo data, imports) without telling live screens: the rows are the past,
    /// and screens read them when they start. Lasts until the context goes back to its pool.
    /// </summary>
    public static void LoadingHistory(DbContext db) => OutboxOf(db).LoadingHistory = true;

    /// <summary>Whether <paramref name="db"/> loads history: nobody is told of the past either (notices).</summary>
    public static bool IsLoadingHistory(DbContext db) => OutboxOf(db).LoadingHistory;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        PublishUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DropLastSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        DropLastSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Drop(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Drop(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Collect(DbContext? db)
    {
        if (db is null) return;
        var outbox = OutboxOf(db);
        outbox.SaveStartsAt = outbox.Pending.Count;
        if (outbox.LoadingHistory) return;
        // Entries() detects changes first, so new timeline events carry their case's key; once,
        // because each detection walks every tracked entity (a whole intake or sweep batch).
        var entries = db.ChangeTracker.Entries().ToList();
        var cases = entries.Select(e => e.Entity).OfType<Case>().ToDictionary(c => c.Id);
        outbox.Pending.AddRange(entries
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OfType<TimelineEvent>()
            .OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Sequence)
            .Select(e => CaseEvent.Of(cases[e.CaseId], e)));
    }

    /// <summary>SaveChanges without a transaction of the caller's has committed its own by now.</summary>
    private void PublishUnlessInTransaction(DbContext? db)
    {
        if (db?.Database.CurrentTransaction is null) Publish(db);
    }

    private void Publish(DbContext? db)
    {
        if (db is null || OutboxOf(db).TakeAll() is not { Count: > 0 } committed) return;
        stream.Publish(committed);
    }

    private static void DropLastSave(DbContext? db)
    {
        if (db is null) return;
        var outbox = OutboxOf(db);
        outbox.Pending.RemoveRange(outbox.SaveStartsAt, outbox.Pending.Count - outbox.SaveStartsAt);
    }

    private static void Drop(DbContext? db)
    {
        if (db is not null) OutboxOf(db).TakeAll();
    }

    private static Outbox OutboxOf(DbContext db)
    {
        var outbox = Outboxes.GetValue(db, _ => new Outbox());
        if (outbox.Lease != db.ContextId.Lease) outbox.Reset(db.ContextId.Lease);
        return outbox;
    }

    private sealed class Outbox
    {
        public int Lease { get; private set; } = -1;
        public List<CaseEvent> Pending { get; private set; } = [];
        public int SaveStartsAt { get; set; }
        public bool LoadingHistory { get; set; }

        public void Reset(int lease)
        {
            Lease = lease;
            Pending = [];
            SaveStartsAt = 0;
            LoadingHistory = false;
        }

        public List<CaseEvent> TakeAll()
        {
            var taken = Pending;
            Pending = [];
            SaveStartsAt = 0;
            return taken;
        }
    }
}
