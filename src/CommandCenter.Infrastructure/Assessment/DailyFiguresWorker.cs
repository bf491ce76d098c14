using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// Keeps the stored unit, community and person figures per China day (docs/decisions/0014): a round recomputes the days marked changed and up to
/// <see cref="DaysPerRound"/> past days never computed (the backfill after the first start, and each day once it is over),
/// each by the unit table's, the area's and the person ranking's own queries for that day, read outside the write gate; then stores them and deletes the marks it
/// saw, in one background write (<see cref="WritePriority.Background"/>). On several servers a round runs under a
/// <see cref="ClusterLock"/>, so a day is computed by one of them.
/// </summary>
public sealed partial class DailyFiguresWorker(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, AssessmentQueries queries, TimeProvider clock, ILogger<DailyFiguresWorker> logger)
    : BackgroundService
{
    /// <summary>A day is computed once it has been over this long: a write still holding one of its instants has committed by then.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    public const int DaysPerRound = 31;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
                done = 0;
            }
            if (done == 0) await Task.Delay(PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One round. Returns how many days it computed and marks it cleared: 0 when everything is current or another server's round runs.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lastDay = ChinaTime.LocalDate(now - Settle).AddDays(-1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One server computes at a time; the other's round finds the days computed and the marks gone once it gets the lock.
        await using var turn = await ClusterLock.TryTakeAsync(db, ClusterLockName.DailyFigures, cancellationToken);
        if (turn is null) return 0;
        var marks = await db.AssessmentDirtyMarks.AsNoTracking().ToListAsync(cancellationToken);
        var seen = marks.Select(m => m.Id).ToList();
        var changed = await DailyStoredFigures.DaysOfAsync(db, marks, cancellationToken);
        if (changed is null)
        {
            // Every day changed (the calendar): forget them all; the next rounds compute them again.
            await unitOfWork.WriteInBackgroundAsync(async w =>
            {
                await w.UnitDayCounts.ExecuteDeleteAsync(cancellationToken);
                await w.UnitDayTimes.ExecuteDeleteAsync(cancellationToken);
                await w.UnitCommunityDayCounts.ExecuteDeleteAsync(cancellationToken);
                await w.UnitCommunityDayTimes.ExecuteDeleteAsync(cancellationToken);
                await w.CommunityDayCounts.ExecuteDeleteAsync(cancellationToken);
                await w.CommunityDayTimes.ExecuteDeleteAsync(cancellationToken);
                await w.PersonDayCounts.ExecuteDeleteAsync(cancellationToken);
                await w.PersonDayTimes.ExecuteDeleteAsync(cancellationToken);
                await w.ComputedAssessmentDays.ExecuteDeleteAsync(cancellationToken);
                return await w.AssessmentDirtyMarks.Where(m => seen.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            }, cancellationToken);
            return marks.Count;
        }

        // Changed days not over yet are never stored: their marks go without a computation.
        var days = changed.Where(d => d <= lastDay).ToHashSet();
        if (await db.TimelineEvents.MinAsync(e => (DateTime?)e.OccurredAtUtc, cancellationToken) is { } firstEvent)
        {
            var computed = (await db.ComputedAssessmentDays.AsNoTracking().Select(d => d.Day).ToListAsync(cancellationToken)).ToHashSet();
            var missing = new List<DateOnly>();
            for (var day = ChinaTime.LocalDate(firstEvent); day <= lastDay && missing.Count < DaysPerRound; day = day.AddDays(1))
                if (!computed.Contains(day) && !days.Contains(day)) missing.Add(day);
            days.UnionWith(missing);
        }
        if (days.Count == 0 && seen.Count == 0) return 0;

        var figures = new List<(DateOnly Day, DayFigures<UnitInCommunity> Units, DayFigures<CommunityId> Communities, PersonDayFigures Persons)>();
        foreach (var day in days.Order())
            figures.Add((day, await queries.UnitDayAsync(db, day, cancellationToken), await queries.CommunityDayAsync(db, day, cancellationToken),
                await queries.PersonDayAsync(db, day, cancellationToken)));
        var list = days.ToList();
        await unitOfWork.WriteInBackgroundAsync(async w =>
        {
            await w.UnitDayCounts.Where(c => list.Contains(c.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.UnitDayTimes.Where(t => list.Contains(t.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.UnitCommunityDayCounts.Where(c => list.Contains(c.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.UnitCommunityDayTimes.Where(t => list.Contains(t.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.CommunityDayCounts.Where(c => list.Contains(c.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.CommunityDayTimes.Where(t => list.Contains(t.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.PersonDayCounts.Where(c => list.Contains(c.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.PersonDayTimes.Where(t => list.Contains(t.Day)).ExecuteDeleteAsync(cancellationToken);
            await w.ComputedAssessmentDays.Where(d => list.Contains(d.Day)).ExecuteDeleteAsync(cancellationToken);
            foreach (var (day, f, area, persons) in figures)
            {
                w.UnitCommunityDayCounts.AddRange(f.Counts.Select(c => new UnitCommunityDayCount
                    { CommunityId = c.Key.Key.CommunityId, Day = day, UnitId = c.Key.Key.UnitId, Indicator = c.Key.Indicator, Count = c.Value }));
                w.UnitCommunityDayTimes.AddRange(f.Times().Select(t => new UnitCommunityDayTime
                {
                    CommunityId = t.Key.CommunityId, Day = day, UnitId = t.Key.UnitId,
                    SignedRounds = t.SignFor.Count, SignForTicks = t.SignFor.Total.Ticks, HandledRounds = t.Handling.Count, HandlingTicks = t.Handling.Total.Ticks,
                }));
                var units = f.Map(k => k.UnitId);
                w.UnitDayCounts.AddRange(units.Counts.Select(c => new UnitDayCount { Day = day, UnitId = c.Key.Key, Indicator = c.Key.Indicator, Count = c.Value }));
                w.UnitDayTimes.AddRange(units.Times().Select(t => new UnitDayTime
                {
                    Day = day, UnitId = t.Key,
                    SignedRounds = t.SignFor.Count, SignForTicks = t.SignFor.Total.Ticks, HandledRounds = t.Handling.Count, HandlingTicks = t.Handling.Total.Ticks,
                }));
                w.CommunityDayCounts.AddRange(area.Counts.Select(c => new CommunityDayCount { Day = day, CommunityId = c.Key.Key, Indicator = c.Key.Indicator, Count = c.Value }));
                w.CommunityDayTimes.AddRange(area.Times().Select(t => new CommunityDayTime
                {
                    Day = day, CommunityId = t.Key,
                    SignedRounds = t.SignFor.Count, SignForTicks = t.SignFor.Total.Ticks, HandledRounds = t.Handling.Count, HandlingTicks = t.Handling.Total.Ticks,
                }));
                w.PersonDayCounts.AddRange(persons.Counts.Select(c => new PersonDayCount { Day = day, StaffId = c.Key.StaffId, Act = c.Key.Act, Count = c.Value }));
                w.PersonDayTimes.AddRange(persons.Waits.Select(t => new PersonDayTime
                    { Day = day, StaffId = t.Key, TimedDispatches = t.Value.Count, DispatchTicks = t.Value.Total.Ticks }));
                w.ComputedAssessmentDays.Add(new ComputedAssessmentDay { Day = day, ComputedAtUtc = now });
            }
            // Only the marks read before the computation: one written meanwhile stays for the next round.
            return await w.AssessmentDirtyMarks.Where(m => seen.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);
        return days.Count + seen.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of computing the daily unit figures failed; the next round tries again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
