using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// The stored unit, community and person figures per China day (docs/decisions/0014): which days of a period they hold, current,
/// and their sums; the rest of the period is counted live. Read by the unit table, the area, the person ranking and <see cref="DailyFiguresWorker"/>.
/// </summary>
internal static class DailyStoredFigures
{
    /// <summary>More separate runs of live days than this (scattered changes) and the whole period is counted live instead.</summary>
    private const int MaxLiveRuns = 8;

    /// <summary>The period's stored figures of days computed and unchanged since, and the runs of the other days, to be counted live.</summary>
    /// <param name="sum">Sums the stored rows of the days from the first to the last but those excluded.</param>
    public static async Task<(TFigures Stored, List<AssessmentPeriod> Live)> ReadAsync<TFigures>(
        CommandCenterDbContext db, AssessmentPeriod period, Func<DateOnly, DateOnly, List<DateOnly>, Task<TFigures>> sum,
        CancellationToken cancellationToken) where TFigures : new()
    {
        var (first, last) = (period.FirstDay, period.LastDay);
        var changed = await DaysOfAsync(db, await db.AssessmentDirtyMarks.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
        if (changed is null) return (new TFigures(), [period]);
        var computed = await db.ComputedAssessmentDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).Select(d => d.Day).ToListAsync(cancellationToken);
        var stored = computed.Where(d => !changed.Contains(d)).ToHashSet();
        var live = Runs(period, stored);
        if (stored.Count == 0 || live.Count > MaxLiveRuns) return (new TFigures(), [period]);

        // Days never computed hold no rows; computed days changed since are left out by name.
        return (await sum(first, last, [.. computed.Where(changed.Contains)]), live);
    }

    /// <summary>
    /// The stored unit figures of the days from <paramref name="first"/> to <paramref name="last"/> but <paramref name="excluded"/>,
    /// on the cases of <paramref name="communities"/> (null: all, from the rows kept per unit alone), summed by the database per unit.
    /// </summary>
    public static async Task<DayFigures<UnitId>> SumUnitsAsync(
        CommandCenterDbContext db, DateOnly first, DateOnly last, List<DateOnly> excluded, List<CommunityId>? communities, CancellationToken cancellationToken)
    {
        var figures = new DayFigures<UnitId>();
        var (counts, times) = communities is null
            ? (db.UnitDayCounts.AsNoTracking().Where(c => c.Day >= first && c.Day <= last && !excluded.Contains(c.Day))
                    .Select(c => new { c.UnitId, c.Indicator, c.Count }),
               db.UnitDayTimes.AsNoTracking().Where(t => t.Day >= first && t.Day <= last && !excluded.Contains(t.Day))
                    .Select(t => new { t.UnitId, t.SignedRounds, t.SignForTicks, t.HandledRounds, t.HandlingTicks }))
            : (db.UnitCommunityDayCounts.AsNoTracking()
                    .Where(c => communities.Contains(c.CommunityId) && c.Day >= first && c.Day <= last && !excluded.Contains(c.Day))
                    .Select(c => new { c.UnitId, c.Indicator, c.Count }),
               db.UnitCommunityDayTimes.AsNoTracking()
                    .Where(t => communities.Contains(t.CommunityId) && t.Day >= first && t.Day <= last && !excluded.Contains(t.Day))
                    .Select(t => new { t.UnitId, t.SignedRounds, t.SignForTicks, t.HandledRounds, t.HandlingTicks }));
        figures.AddCounts(await counts
            .GroupBy(c => new { c.UnitId, c.Indicator })
            .Select(g => new { g.Key.UnitId, g.Key.Indicator, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.UnitId, c.Indicator), c => c.Count, cancellationToken));
        foreach (var t in await times
            .GroupBy(t => t.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Signed = g.Sum(t => t.SignedRounds), SignFor = g.Sum(t => t.SignForTicks),
                Handled = g.Sum(t => t.HandledRounds), Handling = g.Sum(t => t.HandlingTicks),
            })
            .ToListAsync(cancellationToken))
        {
            figures.AddSignFor(t.UnitId, (t.Signed, TimeSpan.FromTicks(t.SignFor)));
            figures.AddHandling(t.UnitId, (t.Handled, TimeSpan.FromTicks(t.Handling)));
        }
        return figures;
    }

    /// <summary>
    /// The stored community figures of the days from <paramref name="first"/> to <paramref name="last"/> but <paramref name="excluded"/>,
    /// of <paramref name="communities"/> (null: all), summed by the database per community.
    /// </summary>
    public static async Task<DayFigures<CommunityId>> SumCommunitiesAsync(
        CommandCenterDbContext db, DateOnly first, DateOnly last, List<DateOnly> excluded, List<CommunityId>? communities, CancellationToken cancellationToken)
    {
        var figures = new DayFigures<CommunityId>();
        var counts = db.CommunityDayCounts.AsNoTracking().Where(c => c.Day >= first && c.Day <= last && !excluded.Contains(c.Day));
        var times = db.CommunityDayTimes.AsNoTracking().Where(t => t.Day >= first && t.Day <= last && !excluded.Contains(t.Day));
        if (communities is not null)
        {
            counts = counts.Where(c => communities.Contains(c.CommunityId));
            times = times.Where(t => communities.Contains(t.CommunityId));
        }
        figures.AddCounts(await counts
            .GroupBy(c => new { c.CommunityId, c.Indicator })
            .Select(g => new { g.Key.CommunityId, g.Key.Indicator, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.CommunityId, c.Indicator), c => c.Count, cancellationToken));
        foreach (var t in await times
            .GroupBy(t => t.CommunityId)
            .Select(g => new
            {
                CommunityId = g.Key,
                Signed = g.Sum(t => t.SignedRounds), SignFor = g.Sum(t => t.SignForTicks),
                Handled = g.Sum(t => t.HandledRounds), Handling = g.Sum(t => t.HandlingTicks),
            })
            .ToListAsync(cancellationToken))
        {
            figures.AddSignFor(t.CommunityId, (t.Signed, TimeSpan.FromTicks(t.SignFor)));
            figures.AddHandling(t.CommunityId, (t.Handled, TimeSpan.FromTicks(t.Handling)));
        }
        return figures;
    }

    /// <summary>The stored person figures of the days from <paramref name="first"/> to <paramref name="last"/> but <paramref name="excluded"/>, summed by the database per staff member.</summary>
    public static async Task<PersonDayFigures> SumPersonsAsync(
        CommandCenterDbContext db, DateOnly first, DateOnly last, List<DateOnly> excluded, CancellationToken cancellationToken)
    {
        var figures = new PersonDayFigures();
        figures.AddCounts(await db.PersonDayCounts.AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= last && !excluded.Contains(c.Day))
            .GroupBy(c => new { c.StaffId, c.Act })
            .Select(g => new { g.Key.StaffId, g.Key.Act, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.StaffId, c.Act), c => c.Count, cancellationToken));
        foreach (var t in await db.PersonDayTimes.AsNoTracking()
            .Where(t => t.Day >= first && t.Day <= last && !excluded.Contains(t.Day))
            .GroupBy(t => t.StaffId)
            .Select(g => new { StaffId = g.Key, Timed = g.Sum(t => t.TimedDispatches), Ticks = g.Sum(t => t.DispatchTicks) })
            .ToListAsync(cancellationToken))
            figures.AddWaits(t.StaffId, (t.Timed, TimeSpan.FromTicks(t.Ticks)));
        return figures;
    }

    /// <summary>
    /// The days <paramref name="marks"/> name: a day, every day an instant of a marked case falls on (its rounds', its closing,
    /// its timeline's: a 不满意 or a move to another community changes them all), or null for every day. Days after yesterday
    /// are never stored, so they need no mark.
    /// </summary>
    public static async Task<HashSet<DateOnly>?> DaysOfAsync(CommandCenterDbContext db, IReadOnlyList<AssessmentDirtyMark> marks, CancellationToken cancellationToken)
    {
        if (marks.Any(m => m.Day is null && m.CaseId is null)) return null;
        var days = marks.Where(m => m.Day is not null).Select(m => m.Day!.Value).ToHashSet();
        var cases = marks.Where(m => m.CaseId is not null).Select(m => m.CaseId!.Value).Distinct().ToList();
        if (cases.Count == 0) return days;
        var instants = await db.HandlingRecords.AsNoTracking().Where(r => cases.Contains(r.CaseId))
            .Select(r => new { Started = (DateTime?)r.StartedAtUtc, r.SignedAtUtc, r.HandlingDeadlineUtc, Ended = (DateTime?)r.EndedAtUtc })
            .ToListAsync(cancellationToken);
        var open = await db.Cases.AsNoTracking().Where(c => cases.Contains(c.Id))
            .Select(c => new { Started = c.Clock.DispatchedAtUtc, c.Clock.SignedAtUtc, c.Clock.HandlingDeadlineUtc, Ended = c.ClosedAtUtc })
            .ToListAsync(cancellationToken);
        days.UnionWith((await db.TimelineEvents.AsNoTracking().Where(e => cases.Contains(e.CaseId)).Select(e => e.OccurredAtUtc).ToListAsync(cancellationToken))
            .Select(ChinaTime.LocalDate));
        foreach (var round in instants.Concat(open))
            foreach (var instant in new[] { round.Started, round.SignedAtUtc, round.HandlingDeadlineUtc, round.Ended })
                if (instant is { } utc) days.Add(ChinaTime.LocalDate(utc));
        return days;
    }

    /// <summary>The runs of consecutive days of <paramref name="period"/> not in <paramref name="stored"/>, each as a period.</summary>
    private static List<AssessmentPeriod> Runs(AssessmentPeriod period, HashSet<DateOnly> stored)
    {
        var runs = new List<AssessmentPeriod>();
        DateOnly? start = null;
        for (var day = period.FirstDay; day <= period.LastDay.AddDays(1); day = day.AddDays(1))
        {
            var live = day <= period.LastDay && !stored.Contains(day);
            if (live) start ??= day;
            else if (start is { } from)
            {
                runs.Add(AssessmentPeriod.Custom(from, day.AddDays(-1)));
                start = null;
            }
        }
        return runs;
    }
}
