using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>One unit's counts for a period, with what a table shows beside them.</summary>
public sealed record UnitIndicatorCounts(UnitId UnitId, string Name, UnitKind Kind, IndicatorCounts Counts);

/// <summary>
/// Gathers <see cref="IndicatorCounts"/> for a period and a scope, exactly as docs/decisions/0006
/// defines each count: a few grouped queries that the database answers, never cases loaded into
/// memory. Every query sees only the cases of the caller's post (<see cref="CaseScope"/>).
/// </summary>
public sealed class AssessmentQueries(IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, TimeProvider clock)
{
    // Lists, not arrays: C# 14 binds array.Contains to a span overload that EF cannot translate.
    private static readonly List<CaseState> NotRegistered = [CaseState.Reported, CaseState.Rejected, CaseState.Merged];
    private static readonly List<CaseState> UnderWay = [CaseState.Dispatched, CaseState.InProgress];
    private static readonly List<CaseEventType> RatingEvents = [CaseEventType.Rated, CaseEventType.RevisitRecorded, CaseEventType.AutoClosed];
    private static readonly List<CaseEventType> AreaEvents =
        [CaseEventType.Accepted, CaseEventType.Returned, CaseEventType.Escalated, .. RatingEvents];

    /// <summary>The street's counts, or one community's (a community post always gets its own community's).</summary>
    public async Task<IndicatorCounts> AreaAsync(Post post, AssessmentPeriod period, CommunityId? communityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Scoped(db, post);
        if (communityId is { } community) cases = cases.Where(c => c.CommunityId == community);
        var (from, to, now) = (period.FromUtc, period.ToUtc, clock.GetUtcNow().UtcDateTime);

        // Due in the period: the deadline falls in it and the case did not close before it, or it closed in it before the deadline.
        var due = await cases
            .Where(c => !NotRegistered.Contains(c.State))
            .Where(c => c.Clock.HandlingDeadlineUtc >= from && c.Clock.HandlingDeadlineUtc < to && !(c.ClosedAtUtc < c.Clock.HandlingDeadlineUtc)
                || c.ClosedAtUtc >= from && c.ClosedAtUtc < to && (c.Clock.HandlingDeadlineUtc == null || c.ClosedAtUtc < c.Clock.HandlingDeadlineUtc))
            .Select(c => new
            {
                Closed = c.State == CaseState.Closed,
                Late = db.HandlingRecords.Any(r => r.CaseId == c.Id && r.HandledLate),
                Deferred = c.Clock.IsDeferred,
                Reworked = c.ReworkCount > 0,
                Urgent = c.Urgency != Urgency.Normal,
                Overdue = c.State != CaseState.Closed && c.Clock.HandlingDeadlineUtc < now,
            })
            // The same tally as the units' below; EF translates aggregates over anonymous rows only, so it is written twice.
            .GroupBy(c => 1)
            .Select(g => new DueRow(
                g.Count(),
                g.Count(c => c.Closed),
                g.Count(c => c.Closed && !c.Late && !c.Deferred),
                g.Count(c => c.Deferred),
                g.Count(c => c.Reworked),
                g.Count(c => c.Urgent),
                g.Count(c => c.Urgent && c.Closed && !c.Late && !c.Deferred),
                g.Count(c => c.Urgent && c.Deferred),
                g.Count(c => c.Overdue)))
            .SingleOrDefaultAsync(cancellationToken);

        var events = await db.TimelineEvents
            .Where(e => e.OccurredAtUtc >= from && e.OccurredAtUtc < to && AreaEvents.Contains(e.Type))
            .Where(e => cases.Any(c => c.Id == e.CaseId))
            .GroupBy(e => new { e.Type, e.Detail })
            .Select(g => new EventRow(g.Key.Type, g.Key.Detail, g.Count()))
            .ToListAsync(cancellationToken);

        int Events(CaseEventType type) => events.Where(e => e.Type == type).Sum(e => e.Count);
        var acts = IndicatorCounts.None with
        {
            Registered = Events(CaseEventType.Accepted), Returned = Events(CaseEventType.Returned), Escalations = Events(CaseEventType.Escalated),
        };
        return (due?.Counts() ?? IndicatorCounts.None).Plus(acts).Plus(Ratings(events));
    }

    /// <summary>
    /// One row per unit (of <paramref name="kind"/>, or all), zeros included, in the directory's order;
    /// with <paramref name="communityId"/>, from that community's cases only (a community's wall).
    /// </summary>
    public async Task<IReadOnlyList<UnitIndicatorCounts>> UnitsAsync(
        Post post, AssessmentPeriod period, UnitKind? kind, CancellationToken cancellationToken = default, CommunityId? communityId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Scoped(db, post);
        if (communityId is { } community) cases = cases.Where(c => c.CommunityId == community);
        var (from, to, now) = (period.FromUtc, period.ToUtc, clock.GetUtcNow().UtcDateTime);
        var rounds = db.HandlingRecords.Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { Round = r, c.Urgency });

        // Ended rounds due in the period: reported done (due at the deadline, or at the end when that came first), or escalated late.
        var ended = await rounds
            .Where(x => x.Round.Outcome == HandlingOutcome.Done || x.Round.Outcome == HandlingOutcome.Escalated && x.Round.HandledLate)
            .Where(x => x.Round.HandlingDeadlineUtc >= from && x.Round.HandlingDeadlineUtc < to
                    && !(x.Round.Outcome == HandlingOutcome.Done && x.Round.EndedAtUtc < x.Round.HandlingDeadlineUtc)
                || x.Round.Outcome == HandlingOutcome.Done && x.Round.EndedAtUtc >= from && x.Round.EndedAtUtc < to
                    && (x.Round.HandlingDeadlineUtc == null || x.Round.EndedAtUtc < x.Round.HandlingDeadlineUtc))
            .Select(x => new
            {
                x.Round.UnitId,
                Done = x.Round.Outcome == HandlingOutcome.Done,
                Late = x.Round.HandledLate,
                Deferred = x.Round.WasDeferred,
                Reworked = x.Round.Round == HandlingRound.Rework,
                Urgent = x.Urgency != Urgency.Normal,
            })
            .GroupBy(x => x.UnitId)
            .Select(g => new UnitDueRow(g.Key, new DueRow(
                g.Count(),
                g.Count(x => x.Done),
                g.Count(x => x.Done && !x.Late && !x.Deferred),
                g.Count(x => x.Deferred),
                g.Count(x => x.Reworked),
                g.Count(x => x.Urgent),
                g.Count(x => x.Urgent && x.Done && !x.Late && !x.Deferred),
                g.Count(x => x.Urgent && x.Deferred),
                0)))
            .ToListAsync(cancellationToken);

        // What the units did in the period: dispatches received, returns, escalations.
        var acts = await rounds
            .Select(x => x.Round)
            .Where(r => r.Round == HandlingRound.Dispatch && r.StartedAtUtc >= from && r.StartedAtUtc < to || r.EndedAtUtc >= from && r.EndedAtUtc < to)
            .GroupBy(r => r.UnitId)
            .Select(g => new ActRow(
                g.Key,
                g.Count(r => r.Round == HandlingRound.Dispatch && r.StartedAtUtc >= from && r.StartedAtUtc < to),
                g.Count(r => r.Outcome == HandlingOutcome.Returned && r.EndedAtUtc >= from && r.EndedAtUtc < to),
                g.Count(r => r.Outcome == HandlingOutcome.Escalated && r.EndedAtUtc >= from && r.EndedAtUtc < to)))
            .ToListAsync(cancellationToken);

        // The round each unit holds now: no record yet, its data is on the case. Deferred, it has no deadline and is not due.
        var open = await cases
            .Where(c => c.CurrentUnitId != null && UnderWay.Contains(c.State))
            .Select(c => new
            {
                UnitId = c.CurrentUnitId!.Value,
                Received = c.Clock.ReworkStartedAtUtc == null && c.Clock.DispatchedAtUtc >= from && c.Clock.DispatchedAtUtc < to,
                Due = c.Clock.HandlingDeadlineUtc >= from && c.Clock.HandlingDeadlineUtc < to,
                Reworked = c.Clock.ReworkStartedAtUtc != null,
                Urgent = c.Urgency != Urgency.Normal,
                Overdue = c.Clock.HandlingDeadlineUtc < now,
            })
            .Where(x => x.Received || x.Due)
            .GroupBy(x => x.UnitId)
            .Select(g => new OpenRow(
                g.Key,
                g.Count(x => x.Received),
                g.Count(x => x.Due),
                g.Count(x => x.Due && x.Reworked),
                g.Count(x => x.Due && x.Urgent),
                g.Count(x => x.Due && x.Overdue)))
            .ToListAsync(cancellationToken);

        var ratings = await db.TimelineEvents
            .Where(e => e.OccurredAtUtc >= from && e.OccurredAtUtc < to && RatingEvents.Contains(e.Type) && e.UnitId != null)
            .Where(e => cases.Any(c => c.Id == e.CaseId))
            .GroupBy(e => new { e.UnitId, e.Type, e.Detail })
            .Select(g => new { UnitId = g.Key.UnitId!.Value, Row = new EventRow(g.Key.Type, g.Key.Detail, g.Count()) })
            .ToListAsync(cancellationToken);

        return [.. directory.Units
            .Where(u => kind is null || u.Kind == kind)
            .Select(u => new UnitIndicatorCounts(u.Id, u.Name, u.Kind,
                (ended.SingleOrDefault(r => r.UnitId == u.Id)?.Row.Counts() ?? IndicatorCounts.None)
                .Plus(acts.SingleOrDefault(r => r.UnitId == u.Id)?.Counts() ?? IndicatorCounts.None)
                .Plus(open.SingleOrDefault(r => r.UnitId == u.Id)?.Counts() ?? IndicatorCounts.None)
                .Plus(Ratings(ratings.Where(r => r.UnitId == u.Id).Select(r => r.Row)))))];
    }

    private static IQueryable<Case> Scoped(CommandCenterDbContext db, Post post) => db.Cases.AsNoTracking().Where(CaseScope.VisibleTo(post));

    private static IndicatorCounts Ratings(IEnumerable<EventRow> events)
    {
        var byRating = events
            .Where(e => RatingEvents.Contains(e.Type) && e.Detail is not null)
            .GroupBy(e => e.Detail)
            .ToDictionary(g => g.Key!, g => g.Sum(e => e.Count));
        int Of(Rating rating) => byRating.GetValueOrDefault($"{nameof(Rating)}.{rating}");
        return IndicatorCounts.None with
        {
            Satisfied = Of(Rating.Satisfied),
            BasicallySatisfied = Of(Rating.BasicallySatisfied),
            Unsatisfied = Of(Rating.Unsatisfied),
            DefaultSatisfied = Of(Rating.DefaultSatisfied),
        };
    }

    private sealed record EventRow(CaseEventType Type, string? Detail, int Count);

    private sealed record DueRow(
        int Due, int Closed, int ClosedOnTime, int Deferred, int Reworked, int UrgentDue, int UrgentClosedOnTime, int UrgentDeferred, int OverdueOpen)
    {
        public IndicatorCounts Counts() => IndicatorCounts.None with
        {
            Due = Due, Closed = Closed, ClosedOnTime = ClosedOnTime, Deferred = Deferred, Reworked = Reworked,
            UrgentDue = UrgentDue, UrgentClosedOnTime = UrgentClosedOnTime, UrgentDeferred = UrgentDeferred, OverdueOpen = OverdueOpen,
        };
    }

    private sealed record UnitDueRow(UnitId UnitId, DueRow Row);

    private sealed record ActRow(UnitId UnitId, int Received, int Returned, int Escalations)
    {
        public IndicatorCounts Counts() => IndicatorCounts.None with { Registered = Received, Returned = Returned, Escalations = Escalations };
    }

    private sealed record OpenRow(UnitId UnitId, int Received, int Due, int Reworked, int UrgentDue, int Overdue)
    {
        public IndicatorCounts Counts() => IndicatorCounts.None with
        {
            Registered = Received, Due = Due, Reworked = Reworked, UrgentDue = UrgentDue, OverdueOpen = Overdue,
        };
    }
}
