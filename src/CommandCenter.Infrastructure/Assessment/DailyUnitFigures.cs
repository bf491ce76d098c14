using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// The stored unit figures per China day (docs/decisions/0014): which days of a period they hold, current, and their sums;
/// the rest of the period is counted live. Read by the unit table and by <see cref="DailyFiguresWorker"/>.
/// </summary>
internal static class DailyUnitFigures
{
    /// <summary>More separate runs of live days than this (scattered changes) and the whole period is counted live instead.</summary>
    private const int MaxLiveRuns = 8;

    /// <summary>The period's stored figures of days computed and unchanged since, and the runs of the other days, to be counted live.</summary>
    public static async Task<(UnitFigures Stored, List<AssessmentPeriod> Live)> ReadAsync(
        CommandCenterDbContext db, AssessmentPeriod period, CancellationToken cancellationToken)
    {
        var (first, last) = (period.FirstDay, period.LastDay);
        var changed = await DaysOfAsync(db, await db.AssessmentDirtyMarks.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
        if (changed is null) return (new UnitFigures(), [period]);
        var computed = await db.ComputedAssessmentDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).Select(d => d.Day).ToListAsync(cancellationToken);
        var stored = computed.Where(d => !changed.Contains(d)).ToHashSet();
        var live = Runs(period, stored);
        if (stored.Count == 0 || live.Count > MaxLiveRuns) return (new UnitFigures(), [period]);

        // Days never computed hold no rows; computed days changed since are left out by name.
        return (await SumAsync(db, first, last, [.. computed.Where(changed.Contains)], cancellationToken), live);
    }

    /// <summary>The stored figures of the days from <paramref name="first"/> to <paramref name="last"/> but <paramref name="excluded"/>, summed by the database.</summary>
    public static async Task<UnitFigures> SumAsync(
        CommandCenterDbContext db, DateOnly first, DateOnly last, List<DateOnly> excluded, CancellationToken cancellationToken)
    {
        var figures = new UnitFigures();
        figures.AddCounts(await db.UnitDayCounts.AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= last && !excluded.Contains(c.Day))
            .GroupBy(c => new { c.UnitId, c.Indicator })
            .Select(g => new { g.Key.UnitId, g.Key.Indicator, Count = g.Sum(c => c.Count) })
            .ToDictionaryAsync(c => (c.UnitId, c.Indicator), c => c.Count, cancellationToken));
        var times = await db.UnitDayTimes.AsNoTracking()
            .Where(t => t.Day >= first && t.Day <= last && !excluded.Contains(t.Day))
            .GroupBy(t => t.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Signed = g.Sum(t => t.SignedRounds), SignFor = g.Sum(t => t.SignForTicks),
                Handled = g.Sum(t => t.HandledRounds), Handling = g.Sum(t => t.HandlingTicks),
            })
            .ToListAsync(cancellationToken);
        foreach (var t in times)
        {
            figures.AddSignFor(t.UnitId, (t.Signed, TimeSpan.FromTicks(t.SignFor)));
            figures.AddHandling(t.UnitId, (t.Handled, TimeSpan.FromTicks(t.Handling)));
        }
        return figures;
    }

    /// <summary>
    /// The days <paramref name="marks"/> name: a day, every day an instant of a marked case's rounds falls on, or null for
    /// every day. Days after yesterday are never stored, so they need no mark.
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
            .Select(c => new { Started = c.Clock.DispatchedAtUtc, c.Clock.SignedAtUtc, c.Clock.HandlingDeadlineUtc, Ended = (DateTime?)null })
            .ToListAsync(cancellationToken);
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
