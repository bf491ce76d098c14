using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Deadlines;

/// <summary>What one committed sweep batch fired: the deadlines it served and when it committed.</summary>
public sealed record SweptBatch(IReadOnlyList<DateTime> DeadlinesUtc, DateTime CommittedAtUtc);

/// <summary>
/// Fires what fell due, earliest first, in batches: reads the cases whose indexed
/// <see cref="Case.NextTimerAtUtc"/> has passed, lets each case fire its own timers, routes
/// escalated cases where the street wants them dispatched automatically, and commits; on a server database in
/// several lanes at once, each locking the cases it takes (decision 0021). Exactly once: a timer leaves its mark on
/// the case in the same transaction, and the case's version makes a second sweeper (another server, a job run twice)
/// fail instead of repeating it.
/// </summary>
public sealed class DeadlineSweeper(
    IDbContextFactory<CommandCenterDbContext> contexts,
    DeadlineRulesProvider rules,
    OrganisationDirectory directory,
    UnitOfWork unitOfWork,
    WriteGate writeGate,
    TimeProvider clock,
    IOptions<DeadlineOptions> options,
    ILogger<DeadlineSweeper> logger)
{
    public static readonly Actor Timer = Actor.System(ActSource.Timer);
    private const int MaxConflictRetries = 5;

    /// <summary>Raised after each committed batch (monitoring, the timer benchmark).</summary>
    public event Action<SweptBatch>? Swept;

    /// <summary>Sweeps until nothing is due; returns how many cases had timers fire.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        // Deadlines first: the notice worker's writes wait until the sweep has caught up.
        using var hold = writeGate.HoldBackgroundWrites();
        // Where one writer runs at a time (SQLite) a second lane would only wait for the first's commit. On a server
        // database a lane's round trips leave the database and this server idle in turn (a clustered burst used two
        // cores 60 % of the time); lanes take disjoint batches, each locking the due cases it reads.
        var lanes = writeGate.Serialises ? 1 : options.Value.SweepLanes;
        var swept = await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => SweepLaneAsync(cancellationToken)));
        return swept.Sum();
    }

    /// <summary>Batch after batch until one is not full.</summary>
    private async Task<int> SweepLaneAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        var conflicts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (count, full) = await SweepBatchAsync(cancellationToken);
            if (count < 0)
            {
                if (++conflicts > MaxConflictRetries) break;
                continue;
            }
            swept += count;
            if (!full) break;
        }
        return swept;
    }

    /// <summary>The earliest timer still to fire, for scheduling the next wake-up.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => c.NextTimerAtUtc != null).MinAsync(c => c.NextTimerAtUtc, cancellationToken);
    }

    /// <returns>Cases fired and whether the batch was full; -1 when another writer got there first.</returns>
    private async Task<(int Count, bool Full)> SweepBatchAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.SweepBatchSize;
        List<DateTime> deadlines = [];
        List<(Guid, int)> read = [];
        List<(Case Case, int EventsBefore)> fired = [];
        try
        {
            await unitOfWork.WriteAsync(async db =>
            {
                // Hundreds of cases with four rows each: EF's command per row was most of the sweep's time.
                CaseBatchSave.Request(db);
                var nowUtc = clock.GetUtcNow().UtcDateTime;
                var due = await DueAsync(db, nowUtc, batchSize, cancellationToken);
                deadlines = [.. due.Select(c => c.NextTimerAtUtc!.Value)];
                read = [.. due.Select(c => (c.Id, c.Version))];
                fired = [];
                foreach (var @case in due)
                {
                    var escalationsBefore = @case.EscalationCount;
                    fired.Add((@case, @case.Timeline.Count));
                    @case.FireDueTimers(nowUtc, Timer, rules.Rules);
                    if (@case.EscalationCount > escalationsBefore) RouteAfterEscalation(@case, nowUtc);
                }
            }, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            if (e is not DbUpdateConcurrencyException && !await Cases.CaseVersions.AnyChangedAsync(contexts, read, CancellationToken.None)) throw;
            logger.LogInformation("A case changed while its timers fired; reading the batch again");
            return (-1, true);
        }
        if (deadlines.Count == 0) return (0, false);
        // After the commit, and only when someone reads it: a burst fires thousands of cases.
        if (logger.IsEnabled(LogLevel.Debug))
            foreach (var (@case, eventsBefore) in fired)
                CaseLog.TimersFired(logger, @case.Number, string.Join(", ", @case.Timeline.Skip(eventsBefore).Select(e => e.Type)));
        Swept?.Invoke(new SweptBatch(deadlines, clock.GetUtcNow().UtcDateTime));
        return (deadlines.Count, deadlines.Count == batchSize);
    }

    /// <summary>
    /// The earliest <paramref name="take"/> cases with a timer due, with their parts. On a server database the rows are locked
    /// to the batch's transaction and rows another lane or a command holds are passed over (<see cref="SkipLockedRows"/>): a
    /// case passed over fires in a later batch, after that transaction, instead of failing this one on its version.
    /// </summary>
    private static async Task<List<Case>> DueAsync(CommandCenterDbContext db, DateTime nowUtc, int take, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            return await Due(db.Cases.Include(c => c.Parts), nowUtc).Take(take).ToListAsync(cancellationToken);
        // The lock goes on a query of one table; the parts follow by key.
        var ids = await Due(db.Cases.TagWith(SkipLockedRows.Tag), nowUtc).Select(c => c.Id).Take(take).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : await Due(db.Cases.Include(c => c.Parts).Where(c => ids.Contains(c.Id)), nowUtc).ToListAsync(cancellationToken);
    }

    private static IOrderedQueryable<Case> Due(IQueryable<Case> cases, DateTime nowUtc) =>
        cases.Where(c => c.NextTimerAtUtc <= nowUtc).OrderBy(c => c.NextTimerAtUtc);

    /// <summary>Where the routing table says so, an escalated case is dispatched at its new level at once.</summary>
    private void RouteAfterEscalation(Case @case, DateTime nowUtc)
    {
        if (rules.Routing.Resolve(@case.CategoryCode, @case.Level) is not { AutoDispatch: true } rule) return;
        if (directory.RoutedUnit(rule, @case.Level, @case.CourtyardId) is not { } unit) return;
        @case.Dispatch(unit, [], rules.Rules, Timer, nowUtc);
    }
}
