using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Loads the demo street and a history of cases into an empty database. Idempotent:
/// a database that already has a street is left alone.
/// </summary>
public sealed class DemoDataSeeder(TimeProvider clock, DeadlineRulesProvider deadlineRules, INumberSealer sealer)
{
    private const int Seed = 20261122;
    public const int BatchSize = 2_000;

    public async Task SeedAsync(CommandCenterDbContext db, int caseCount, int archivePercent = 0, CancellationToken cancellationToken = default)
    {
        if (await db.Streets.AnyAsync(cancellationToken))
        {
            await SeedAccountsIfNoneAsync(db, cancellationToken);
            return;
        }

        var street = DemoStreet.Build();
        db.Districts.Add(street.District);
        db.Streets.Add(street.Street);
        db.Communities.AddRange(street.Communities);
        db.Grids.AddRange(street.Grids);
        db.Courtyards.AddRange(street.Courtyards);
        db.Buildings.AddRange(street.Buildings);
        db.Units.AddRange(street.Units);
        db.Staff.AddRange(street.Staff);
        db.Categories.AddRange(street.Categories);
        db.RoutingRules.AddRange(street.RoutingRules());
        await db.SaveChangesAsync(cancellationToken);
        await SeedAccountsIfNoneAsync(db, cancellationToken);
        await deadlineRules.ReloadAsync(db, cancellationToken);
        db.ChangeTracker.Clear();

        if (archivePercent > 0) await SeedArchiveAsync(db, street, archivePercent, cancellationToken);
        await SeedCasesAsync(db, street, caseCount, cancellationToken: cancellationToken);
    }

    /// <summary>The courtyards' archive, sealed as it is generated and stored in bulk.</summary>
    public async Task SeedArchiveAsync(CommandCenterDbContext db, DemoStreet street, int percent, CancellationToken cancellationToken = default)
    {
        var archive = DemoArchive.Generate(street, percent, Seed, sealer, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Principals before the rows that refer to them; on SQLite untracked, with one prepared statement per table.
        CaseBatchSave.AddNew(db, archive.Homes);
        CaseBatchSave.AddNew(db, archive.Owners);
        CaseBatchSave.AddNew(db, archive.Ownerships);
        CaseBatchSave.AddNew(db, archive.Residents);
        CaseBatchSave.AddNew(db, archive.Members);
        CaseBatchSave.AddNew(db, archive.Facilities);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo sign-ins, also for a demo database made before sign-in existed.</summary>
    private static async Task SeedAccountsIfNoneAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken)) return;
        db.Users.AddRange(DemoAccounts.For(await db.Staff.AsNoTracking().ToListAsync(cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds generated history in batches, numbering each day's cases in report order; reports about a lift, fire equipment or
    /// rubbish name one of the courtyard's facilities stored by then (none without the archive).
    /// </summary>
    public async Task SeedCasesAsync(
        CommandCenterDbContext db, DemoStreet street, int caseCount, TimeSpan? window = null, CancellationToken cancellationToken = default)
    {
        var counters = await db.CaseNumberCounters.Where(c => c.StreetCode == street.Street.Code)
            .ToDictionaryAsync(c => c.Day, c => c.Last, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.RetiredAtUtc == null).ToListAsync(cancellationToken);
        foreach (var batch in History(street, caseCount, clock.GetUtcNow().UtcDateTime, window, counters, facilities).Chunk(BatchSize))
            await SaveBatchAsync(db, batch, cancellationToken);
        await SaveCountersAsync(db, street.Street.Code, counters, cancellationToken);
    }

    /// <summary>
    /// The same history <see cref="SeedCasesAsync"/> would add to an empty database at <paramref name="nowUtc"/>,
    /// in report order and numbered alike, without storing it: a caller resuming an interrupted load skips
    /// what it already stored. <paramref name="counters"/> (day → last number) is filled as cases are numbered.
    /// </summary>
    /// <param name="facilities">The courtyards' facilities the reports may name; none: no case names one.</param>
    public IEnumerable<Case> History(
        DemoStreet street, int caseCount, DateTime nowUtc, TimeSpan? window, Dictionary<string, int> counters, IReadOnlyCollection<Facility>? facilities = null) =>
        DemoCaseGenerator.Generate(street, caseCount, nowUtc, Seed, DailyNumbers(street.Street.Code, counters), window, deadlineRules.Rules, facilities);

    /// <summary>Stores a batch of history as it is: the past, not live changes, so no screen is told of it.</summary>
    public static async Task SaveBatchAsync(CommandCenterDbContext db, IReadOnlyCollection<Case> batch, CancellationToken cancellationToken = default)
    {
        CaseEventsInterceptor.LoadingHistory(db);
        db.Cases.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Stores each day's last number, so that intake goes on from there.</summary>
    public static async Task SaveCountersAsync(
        CommandCenterDbContext db, string streetCode, IReadOnlyDictionary<string, int> counters, CancellationToken cancellationToken = default)
    {
        var stored = await db.CaseNumberCounters.Where(c => c.StreetCode == streetCode).ToDictionaryAsync(c => c.Day, cancellationToken);
        foreach (var (day, last) in counters)
        {
            if (stored.TryGetValue(day, out var counter)) counter.Last = last;
            else db.CaseNumberCounters.Add(new CaseNumberCounter { StreetCode = streetCode, Day = day, Last = last });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Numbers each day's cases in report order, going on from <paramref name="counters"/>.</summary>
    private static Func<DateTime, string> DailyNumbers(string streetCode, Dictionary<string, int> counters) => reportedAtUtc =>
    {
        var day = ChinaTime.LocalDate(reportedAtUtc);
        var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var next = counters[key] = counters.GetValueOrDefault(key) + 1;
        return CaseNumber.Format(streetCode, day, next);
    };
}
