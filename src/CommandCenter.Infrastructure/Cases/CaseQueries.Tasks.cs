using System.Linq.Expressions;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>The handler's phone: the tasks of a person's unit, and where they may report from on patrol.</summary>
public sealed partial class CaseQueries
{
    /// <summary>
    /// <see cref="HandlerTask.DeadlineOf"/> as the database can sort by it (it cannot call the method);
    /// only dispatched and signed cases are asked, so the two agree.
    /// </summary>
    private static readonly Expression<Func<Case, DateTime?>> TaskDeadline =
        c => c.State == CaseState.Dispatched ? c.Clock.SignDeadlineUtc : c.Clock.HandlingDeadlineUtc;

    /// <summary>
    /// "My tasks": the cases the post's unit holds and has to act on (sign or handle), within the
    /// post's scope — a grid worker sees the committee's cases of their own grid — the nearest
    /// deadline first. Deferred cases (缓办) have no deadline and come last.
    /// </summary>
    public async Task<IReadOnlyList<HandlerTask>> TasksAsync(Post post, CancellationToken cancellationToken = default)
    {
        if (post.UnitId is not { } unitId) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Cases.AsNoTracking()
            .VisibleTo(post)
            .Where(c => c.CurrentUnitId == unitId && (c.State == CaseState.Dispatched || c.State == CaseState.InProgress))
            .OrderBy(c => c.Clock.IsDeferred)
            .ThenBy(TaskDeadline)
            .ThenBy(c => c.ReportedAtUtc)
            .Take(CaseQuery.MaxPageSize)
            .Select(ListRow)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HandlerTask(ToItem(r)))];
    }

    /// <summary>
    /// What the post's unit finished since <paramref name="sinceUtc"/>, the latest first: each round it ended as 办结
    /// (its handling record), its own part of a cross-agency case included, and whether it was late.
    /// </summary>
    public async Task<IReadOnlyList<FinishedTask>> FinishedTasksAsync(Post post, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        if (post.UnitId is not { } unitId) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.HandlingRecords.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.Outcome == HandlingOutcome.Done && r.EndedAtUtc >= sinceUtc)
            .OrderByDescending(r => r.EndedAtUtc)
            .Take(CaseQuery.MaxPageSize)
            .Select(r => new { r.CaseId, r.EndedAtUtc, r.HandledLate, r.Role })
            .ToListAsync(cancellationToken);
        var caseIds = records.Select(r => r.CaseId).Distinct().ToList();
        var rows = await db.Cases.AsNoTracking().VisibleTo(post).Where(c => caseIds.Contains(c.Id)).Select(ListRow).ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. records.Where(r => rows.ContainsKey(r.CaseId)).Select(r => new FinishedTask(ToItem(rows[r.CaseId]), r.EndedAtUtc, r.HandledLate, r.Role))];
    }

    /// <summary>
    /// The courtyards a post may report in (随手拍, intake): those where the new case would be in its
    /// scope (<see cref="CaseScope.MayReportInto"/>), the rule intake itself enforces.
    /// </summary>
    public IReadOnlyList<Courtyard> ReportableCourtyards(Post post) =>
        [.. directory.Courtyards.Where(c => directory.StreetOf(c) is { } street && CaseScope.MayReportInto(post, c, street.Id)).OrderBy(c => c.Id)];

    /// <summary>
    /// The facilities a report into <paramref name="courtyardId"/> may name: those on its list, by kind and place. Equipment is
    /// no personal data, so any post that may report there sees them; outside its courtyards none.
    /// </summary>
    public async Task<IReadOnlyList<FacilityChoice>> ReportableFacilitiesAsync(Post post, CourtyardId courtyardId, CancellationToken cancellationToken = default)
    {
        if (!ReportableCourtyards(post).Any(c => c.Id == courtyardId)) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kinds = Enum.GetValues<FacilityKind>().Where(k => post.Role != AccessRole.Resident || Facility.ResidentsMayName(k)).ToList();
        var rows = await db.Facilities.AsNoTracking().Where(f => f.CourtyardId == courtyardId && f.RetiredAtUtc == null && kinds.Contains(f.Kind))
            .OrderBy(f => f.Kind).ThenBy(f => f.Id).Select(f => new { f.Id, f.Kind, f.Place }).ToListAsync(cancellationToken);
        return [.. rows.Select(f => new FacilityChoice(new FacilityId(f.Id), f.Kind, f.Place))];
    }
}

/// <summary>A facility a report may name, as a picker offers it.</summary>
public sealed record FacilityChoice(FacilityId Id, FacilityKind Kind, string Place);
