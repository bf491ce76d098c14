using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// The one way stored data changes: a context of its own, the single-writer gate held for the
/// whole unit (the reads that decide the change included), one transaction, one SaveChanges at
/// the end. What every write needs besides is done by the context's interceptors, never by the
/// caller: the timeline and the audit log stay append-only (<see cref="AppendOnlyRecords"/>),
/// and case events reach the stream after the commit (<see cref="Events.CaseEventsInterceptor"/>).
/// See docs/decisions/0004-one-write-path.md.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<CommandCenterDbContext> contexts, WriteGate writeGate)
{
    /// <summary>Runs <paramref name="work"/> and commits what it changed; if it throws, nothing is stored.</summary>
    /// <param name="afterCommit">
    /// Runs after the commit, still inside the gate, for a cache of what was just written (the deadline
    /// rules): caches then follow the commits in their order, never an older one after a newer.
    /// </param>
    public Task<T> WriteAsync<T>(
        Func<CommandCenterDbContext, Task<T>> work, CancellationToken cancellationToken, Func<CommandCenterDbContext, Task>? afterCommit = null) =>
        WriteAsync(work, WritePriority.Normal, cancellationToken, afterCommit);

    /// <summary>A write that may wait while a timer sweep is behind (<see cref="WritePriority.Background"/>).</summary>
    public Task<T> WriteInBackgroundAsync<T>(Func<CommandCenterDbContext, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(work, WritePriority.Background, cancellationToken);

    private async Task<T> WriteAsync<T>(
        Func<CommandCenterDbContext, Task<T>> work, WritePriority priority, CancellationToken cancellationToken, Func<CommandCenterDbContext, Task>? afterCommit = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var gate = await writeGate.EnterAsync(cancellationToken, priority);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed unit is rolled back whole, so the savepoint EF would set before its save (a round trip each on a
        // server database) could never be used.
        db.Database.AutoSavepointsEnabled = false;
        var result = await work(db);
        // One walk over what the unit tracked: each interceptor would otherwise detect changes again
        // (a sweep batch is hundreds of cases), and so would SaveChanges itself.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync(cancellationToken);
        // Saved is as good as done: a cancellation now would only leave the caller unsure.
        await transaction.CommitAsync(CancellationToken.None);
        if (afterCommit is not null) await afterCommit(db);
        return result;
    }

    public Task WriteAsync(Func<CommandCenterDbContext, Task> work, CancellationToken cancellationToken, Func<CommandCenterDbContext, Task>? afterCommit = null) =>
        WriteAsync(async db =>
        {
            await work(db);
            return true;
        }, cancellationToken, afterCommit);

    public Task WriteAsync(Action<CommandCenterDbContext> work, CancellationToken cancellationToken) =>
        WriteAsync(db =>
        {
            work(db);
            return Task.FromResult(true);
        }, cancellationToken);
}
