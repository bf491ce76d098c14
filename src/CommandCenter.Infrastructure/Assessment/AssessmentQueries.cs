using System.Text.Json.Serialization;
using System.Linq.Expressions;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>One unit's counts for a period, with what a table shows beside them.</summary>
public sealed record UnitIndicatorCounts(UnitId UnitId, string Name, UnitKind Kind, IndicatorCounts Counts);

/// <summary>What a staff member did in a period, one count per <see cref="PersonAct"/> (the API names each act's count).</summary>
public sealed record PersonIndicatorCounts(StaffId StaffId, string Name, AccessRole Role, [property: JsonIgnore] PersonCounts Counts)
{
    public int Accepted => Of(PersonAct.Accepted);
    public int Dispatched => Of(PersonAct.Dispatched);
    public int Signed => Of(PersonAct.Signed);
    public int ReportedDone => Of(PersonAct.ReportedDone);
    public int Returned => Of(PersonAct.Returned);
    public int DispatchedOnTime => Of(PersonAct.DispatchedOnTime);
    public int DispatchReturned => Of(PersonAct.DispatchReturned);
    public int Reassigned => Of(PersonAct.Reassigned);
    public int Reported => Of(PersonAct.Reported);
    public int ReportRejected => Of(PersonAct.ReportRejected);
    public int Verified => Of(PersonAct.Verified);
    public int VerifiedOnTime => Of(PersonAct.VerifiedOnTime);

    /// <summary>The count of one act; an act the person never did counts 0.</summary>
    public int Of(PersonAct act) => Counts.Of(act);
}

/// <summary>Whose figures a drill-down lists: the area (the street, or one community), or one unit.</summary>
public sealed record AssessmentScope(CommunityId? CommunityId = null, UnitId? UnitId = null);

/// <summary>One line behind a count: the case, and when the counted act happened (or the case fell due).</summary>
public sealed record AssessmentCase(Guid CaseId, string Number, string CategoryCode, CaseState State, Urgency Urgency, HandlingLevel Level, UnitId? UnitId, CommunityId CommunityId);

/// <summary>A page of the cases behind a count; <see cref="Total"/> equals the count.</summary>
public sealed record AssessmentCasePage(int Total, IReadOnlyList<AssessmentCase> Items);

/// <summary>
/// Gathers <see cref="IndicatorCounts"/> for a period and a scope, exactly as docs/decisions/0006
/// defines each count. Each count is one predicate (<see cref="CaseIndicators"/>, <see cref="RoundIndicators"/>,
/// <see cref="EventIndicators"/>) that the database counts, and the drill-down lists with the very same
/// predicate, so a figure and the cases behind it cannot disagree; cases are never loaded into memory
/// (only the instants of the average times, which the working calendar measures). Every query sees only
/// the cases of the caller's post (<see cref="CaseScope"/>).
/// </summary>
public sealed class AssessmentQueries(
    IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, DeadlineRulesProvider rules, TimeProvider clock)
{
    // Lists, not arrays: C# 14 binds array.Contains to a span overload that EF cannot translate.
    private static readonly List<CaseState> NotRegistered = [CaseState.Reported, CaseState.Rejected, CaseState.Merged];
    private static readonly List<CaseState> UnderWay = [CaseState.Dispatched, CaseState.InProgress];
    // Static readonly: EF Core writes their values into the SQL, which the timeline's partial indexes need to match.
    private static readonly List<CaseEventType> RatingEvents = [.. RatingRecords.EventTypes];
    private static readonly string UnsatisfiedDetail = RatingRecords.Detail(Rating.Unsatisfied);

    /// <summary>Counts over the area's cases due in the period (and over a unit's rounds due in it).</summary>
    private static readonly Dictionary<Indicator, Expression<Func<Facts, bool>>> DueIndicators = new()
    {
        [Indicator.Due] = f => f.Due,
        [Indicator.Closed] = f => f.Due && f.Done,
        [Indicator.ClosedOnTime] = f => f.Due && f.Done && !f.Late && !f.Deferred,
        [Indicator.Deferred] = f => f.Due && f.Deferred,
        [Indicator.Reworked] = f => f.Due && f.Reworked,
        [Indicator.UrgentDue] = f => f.Due && f.Urgent,
        [Indicator.UrgentClosedOnTime] = f => f.Due && f.Urgent && f.Done && !f.Late && !f.Deferred,
        [Indicator.UrgentDeferred] = f => f.Due && f.Urgent && f.Deferred,
        [Indicator.OverdueOpen] = f => f.Due && f.Overdue,
        [Indicator.Resolved] = f => f.Due && f.Done && f.Resolved,
    };

    /// <summary>Counts over handling rounds that are not about being due: what a unit received and did.</summary>
    private static readonly Dictionary<Indicator, Expression<Func<Facts, bool>>> ActIndicators = new()
    {
        [Indicator.Dispatched] = f => f.Received,
        [Indicator.RespondedInTime] = f => f.Received && f.RespondedInTime,
        [Indicator.Returned] = f => f.ReturnedInPeriod,
        [Indicator.Escalations] = f => f.EscalatedInPeriod,
    };

    private static readonly Dictionary<Indicator, Expression<Func<TimelineEvent, bool>>> RatingIndicators = new()
    {
        [Indicator.Satisfied] = Rated(Rating.Satisfied),
        [Indicator.BasicallySatisfied] = Rated(Rating.BasicallySatisfied),
        [Indicator.Unsatisfied] = Rated(Rating.Unsatisfied),
        [Indicator.DefaultSatisfied] = Rated(Rating.DefaultSatisfied),
    };

    /// <summary>The area's counts of acts in the period, read from the timeline.</summary>
    private static readonly Dictionary<Indicator, Expression<Func<TimelineEvent, bool>>> AreaEventIndicators = new(RatingIndicators)
    {
        [Indicator.Registered] = e => e.Type == CaseEventType.Accepted,
        [Indicator.Returned] = e => e.Type == CaseEventType.Returned,
        [Indicator.Escalations] = e => e.Type == CaseEventType.Escalated,
    };

    /// <summary>The area's counts of acts, asked of an event joined to its case's community.</summary>
    private static readonly Dictionary<Indicator, Expression<Func<CaseEvent, bool>>> CommunityEventIndicators =
        AreaEventIndicators.ToDictionary(p => p.Key, p => CaseEvent.Of(p.Value));

    /// <summary>A unit's ratings, asked of a rating joined to its case's community.</summary>
    private static readonly Dictionary<Indicator, Expression<Func<CaseEvent, bool>>> CommunityRatingIndicators =
        RatingIndicators.ToDictionary(p => p.Key, p => CaseEvent.Of(p.Value));

    /// <summary>Where each of the area's indicators is counted.</summary>
    private static readonly IReadOnlyList<Indicator> AreaRoundIndicators = [Indicator.Dispatched, Indicator.RespondedInTime];

    /// <summary>
    /// A street's setting whether 默认满意 counts in 满意率: the one place the pages, the API and the wall read it. For the
    /// district (<paramref name="street"/> null) it counts only when every street counts it: figures summed over streets
    /// cannot follow two settings at once, and the stricter reading claims no satisfaction a street did not allow.
    /// A <paramref name="community"/> reads its own street's.
    /// </summary>
    public async Task<bool> DefaultSatisfiedCountsAsync(StreetId? street, CancellationToken cancellationToken = default, CommunityId? community = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = db.Streets.AsNoTracking()
            .Where(s => community == null ? street == null || s.Id == street : db.Communities.Any(c => c.Id == community && c.StreetId == s.Id))
            .Select(s => s.DefaultSatisfiedCounts);
        return await settings.AnyAsync(cancellationToken) && await settings.AllAsync(counts => counts, cancellationToken);
    }

    /// <summary>
    /// The street's counts, or one community's (a community post always gets its own community's). What the post sees as whole
    /// communities is read from the days stored per community (docs/decisions/0014), the rest of the period counted live by
    /// the same query, and the cases it sees besides (a committee's elsewhere) counted live.
    /// </summary>
    public async Task<IndicatorCounts> AreaAsync(Post post, AssessmentPeriod period, CommunityId? communityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        DayFigures<CommunityId> figures;
        if (SplitOf(db, post, communityId) is { } split)
        {
            var (stored, live) = await DailyStoredFigures.ReadAsync(
                db, period, (first, last, excluded) => DailyStoredFigures.SumCommunitiesAsync(db, first, last, excluded, split.Communities, cancellationToken), cancellationToken);
            figures = stored;
            foreach (var part in live) figures.Add((await GatherAreaAsync(Everything(db, part, now), cancellationToken)).Only(split.Includes));
            if (await BeyondAsync(db, split, cancellationToken) is { } beyond) figures.Add(await GatherAreaAsync(new Sources(db, beyond, false, period, now), cancellationToken));
        }
        else
        {
            figures = await GatherAreaAsync(new Sources(db, Scoped(db, post, communityId), CoversEveryCase(post, communityId), period, now), cancellationToken);
        }

        var (counts, signFor, handling) = figures.Total();
        return Tally(counts, counts.GetValueOrDefault(Indicator.Registered), signFor, handling);
    }

    /// <summary>Every community's area figures of one China day, street-wide, computed from the base tables: what the worker stores.</summary>
    internal async Task<DayFigures<CommunityId>> CommunityDayAsync(CommandCenterDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        await GatherAreaAsync(DaySources(db, day), cancellationToken);

    /// <summary>
    /// The area's additive figures over <paramref name="sources"/> per community of the case: one grouped query per source
    /// (cases due, rounds started, the timeline's acts), every indicator a conditional count in it, and the spans' working time.
    /// </summary>
    private async Task<DayFigures<CommunityId>> GatherAreaAsync(Sources sources, CancellationToken cancellationToken)
    {
        var figures = new DayFigures<CommunityId>();
        figures.AddCounts(await CountAsync(sources.DueCases, f => f.CommunityId, DueIndicators, cancellationToken));
        var roundIndicators = AreaRoundIndicators.ToDictionary(i => i, i => ActIndicators[i]);
        figures.AddCounts(await CountAsync(sources.EndedRounds, f => f.CommunityId, roundIndicators, cancellationToken));
        figures.AddCounts(await CountAsync(sources.OpenRounds, f => f.CommunityId, roundIndicators, cancellationToken));
        figures.AddCounts(await CountAsync(sources.CaseEvents, e => e.CommunityId, CommunityEventIndicators, cancellationToken));
        var (signFor, handling) = await sources.SpansAsync(cancellationToken);
        AddSpans(figures, signFor, handling, s => s.CommunityId);
        return figures;
    }

    /// <summary>
    /// One row per unit (of <paramref name="kind"/>, or all), zeros included, in the directory's order;
    /// with <paramref name="communityId"/>, from that community's cases only (a community's wall). What the post sees as
    /// whole communities is summed from the days stored per unit and community (docs/decisions/0014), the rest of the period
    /// counted live by the very query that computed them, and the cases it sees besides counted live.
    /// </summary>
    public async Task<IReadOnlyList<UnitIndicatorCounts>> UnitsAsync(
        Post post, AssessmentPeriod period, UnitKind? kind, CancellationToken cancellationToken = default, CommunityId? communityId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        DayFigures<UnitId> byUnit;
        if (SplitOf(db, post, communityId) is { } split)
        {
            var (stored, live) = await DailyStoredFigures.ReadAsync(
                db, period, (first, last, excluded) => DailyStoredFigures.SumUnitsAsync(db, first, last, excluded, split.Communities, cancellationToken), cancellationToken);
            byUnit = stored;
            foreach (var part in live) byUnit.Add((await GatherUnitsAsync(Everything(db, part, now), cancellationToken)).Only(k => split.Includes(k.CommunityId)).Map(k => k.UnitId));
            if (await BeyondAsync(db, split, cancellationToken) is { } beyond) byUnit.Add(await GatherByUnitAsync(new Sources(db, beyond, false, period, now), cancellationToken));
        }
        else
        {
            byUnit = await GatherByUnitAsync(new Sources(db, Scoped(db, post, communityId), false, period, now), cancellationToken);
        }

        return [.. directory.Units
            .Where(u => kind is null || u.Kind == kind)
            .Select(u => new UnitIndicatorCounts(u.Id, u.Name, u.Kind, Tally(
                Enum.GetValues<Indicator>().ToDictionary(i => i, i => byUnit.Counts.GetValueOrDefault((u.Id, i))),
                // A unit's 立案 is the dispatches it received.
                byUnit.Counts.GetValueOrDefault((u.Id, Indicator.Dispatched)),
                byUnit.SignFor.GetValueOrDefault(u.Id),
                byUnit.Handling.GetValueOrDefault(u.Id))))];
    }

    /// <summary>Every unit's figures of one China day per community of the cases, street-wide, computed from the base tables: what the worker stores.</summary>
    internal async Task<DayFigures<UnitInCommunity>> UnitDayAsync(CommandCenterDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        await GatherUnitsAsync(DaySources(db, day), cancellationToken);

    /// <summary>The sources of one China day over every case: what a stored day counts.</summary>
    private Sources DaySources(CommandCenterDbContext db, DateOnly day) => Everything(db, AssessmentPeriod.Day(day), clock.GetUtcNow().UtcDateTime);

    /// <summary>Whom a stored day of the person ranking is counted for: a post that sees every case.</summary>
    private static readonly Post DayPost = Post.System(ActSource.Simulator);

    /// <summary>
    /// The unit table's additive figures over <paramref name="sources"/>: one grouped query per source, every indicator a
    /// conditional count in it (ended rounds, open rounds, ratings), and the spans' working time per unit.
    /// </summary>
    private async Task<DayFigures<UnitInCommunity>> GatherUnitsAsync(Sources sources, CancellationToken cancellationToken)
    {
        var figures = new DayFigures<UnitInCommunity>();
        var roundIndicators = DueIndicators.Concat(ActIndicators).ToDictionary();
        figures.AddCounts(await CountAsync(sources.EndedRounds, f => new UnitInCommunity(f.UnitId, f.CommunityId), roundIndicators, cancellationToken));
        figures.AddCounts(await CountAsync(sources.OpenRounds, f => new UnitInCommunity(f.UnitId, f.CommunityId), roundIndicators, cancellationToken));
        figures.AddCounts(await CountAsync(sources.CaseRatings.Where(e => e.Event.UnitId != null),
            e => new UnitInCommunity(e.Event.UnitId!.Value, e.CommunityId), CommunityRatingIndicators, cancellationToken));
        var (signFor, handling) = await sources.SpansAsync(cancellationToken);
        AddSpans(figures, signFor, handling, s => new UnitInCommunity(s.UnitId, s.CommunityId));
        return figures;
    }

    private async Task<DayFigures<UnitId>> GatherByUnitAsync(Sources sources, CancellationToken cancellationToken) =>
        (await GatherUnitsAsync(sources, cancellationToken)).Map(k => k.UnitId);

    /// <summary>The spans' working time by the calendar, per key.</summary>
    private void AddSpans<TKey>(DayFigures<TKey> figures, List<Span> signFor, List<Span> handling, Func<Span, TKey> key) where TKey : notnull
    {
        var calendar = rules.Rules.Calendar;
        foreach (var group in signFor.GroupBy(key))
            figures.AddSignFor(group.Key, WorkingTimes.Sum(calendar, group.Select(s => (s.FromUtc, s.ToUtc))));
        foreach (var group in handling.GroupBy(key))
            figures.AddHandling(group.Key, WorkingTimes.Sum(calendar, group.Select(s => (s.FromUtc, s.ToUtc))));
    }

    /// <summary>
    /// The cases behind one count of the area or of a unit, by the same predicate the count uses, in a
    /// stable order; a case appears as often as it is counted (two returns in the period: two lines).
    /// </summary>
    public async Task<AssessmentCasePage> CasesAsync(
        Post post, AssessmentPeriod period, AssessmentScope scope, Indicator indicator, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sources = new Sources(db, Scoped(db, post, scope.CommunityId), CoversEveryCase(post, scope.CommunityId), period, clock.GetUtcNow().UtcDateTime);
        var parts = Behind(sources, scope.UnitId, indicator);

        var total = 0;
        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            var count = await part.CountAsync(cancellationToken);
            var from = Math.Max(skip - total, 0);
            var wanted = take - ids.Count;
            if (wanted > 0 && from < count)
                ids.AddRange(await part.Skip(from).Take(wanted).ToListAsync(cancellationToken));
            total += count;
        }
        return await CasePageAsync(db, total, ids, cancellationToken);
    }

    /// <summary>
    /// Per staff member who acted on the caller's cases in the period (or, with <paramref name="kind"/>, every active
    /// person of that kind, zeros included, and those of the kind who acted): one count per <see cref="PersonAct"/>,
    /// each by the predicate its drill-down lists with, and the working time their dispatches waited at the desk.
    /// Street-wide posts read the stored days (docs/decisions/0014) and count the rest of the period live by the same query.
    /// </summary>
    public async Task<IReadOnlyList<PersonIndicatorCounts>> PersonsAsync(
        Post post, AssessmentPeriod period, CommunityId? communityId, CancellationToken cancellationToken = default, PersonKind? kind = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        PersonDayFigures figures;
        if (CoversEveryCase(post, communityId))
        {
            var (stored, live) = await DailyStoredFigures.ReadAsync(
                db, period, (first, last, excluded) => DailyStoredFigures.SumPersonsAsync(db, first, last, excluded, cancellationToken), cancellationToken);
            figures = stored;
            foreach (var part in live) figures.Add(await GatherPersonsAsync(db, post, part, communityId, cancellationToken));
        }
        else
        {
            figures = await GatherPersonsAsync(db, post, period, communityId, cancellationToken);
        }

        var acted = figures.Counts.Keys.Select(k => k.StaffId).ToHashSet();
        var people = kind is { } k
            ? acted.Union(directory.Staff.Where(s => s.IsActive && PersonKinds.Of(s.Role) == k && StreetFigures.Lists(post.StreetId, s.StreetId)).Select(s => s.Id))
                .Where(id => directory.StaffMember(id) is { } s && PersonKinds.Of(s.Role) == k)
            : acted;
        return [.. people
            .Select(id =>
            {
                var staff = directory.StaffMember(id);
                var (timed, waited) = figures.Waits.GetValueOrDefault(id);
                var byAct = Enum.GetValues<PersonAct>().Where(a => figures.Counts.ContainsKey((id, a))).ToDictionary(a => a, a => figures.Counts[(id, a)]);
                return new PersonIndicatorCounts(id, staff?.Name ?? $"#{id}", staff?.Role ?? default, new PersonCounts(byAct, timed, waited));
            })
            .OrderBy(p => p.StaffId.Value)];
    }

    /// <summary>Every staff member's figures of one China day, street-wide, computed from the base tables: what the worker stores.</summary>
    internal async Task<PersonDayFigures> PersonDayAsync(CommandCenterDbContext db, DateOnly day, CancellationToken cancellationToken) =>
        await GatherPersonsAsync(db, DayPost, AssessmentPeriod.Day(day), null, cancellationToken);

    /// <summary>
    /// The person ranking's additive figures: the acts counted per staff member in one grouped query, and the working time
    /// of the dispatches' waits at the desk by the calendar.
    /// </summary>
    private async Task<PersonDayFigures> GatherPersonsAsync(
        CommandCenterDbContext db, Post post, AssessmentPeriod period, CommunityId? communityId, CancellationToken cancellationToken)
    {
        var figures = new PersonDayFigures();
        var facts = PersonFactsOf(db, post, period, communityId, PersonActs.AllEvents);
        figures.AddCounts(await CountAsync(facts, f => f.StaffId, PersonPredicates, cancellationToken));
        var waits = await facts.Where(f => f.Dispatch && f.EnteredAtUtc != null)
            .Select(f => new { f.StaffId, From = f.EnteredAtUtc!.Value, To = f.AtUtc })
            .ToListAsync(cancellationToken);
        foreach (var group in waits.GroupBy(w => w.StaffId))
            figures.AddWaits(group.Key, WorkingTimes.Sum(rules.Rules.Calendar, group.Select(w => (w.From, w.To))));
        return figures;
    }

    /// <summary>
    /// The cases behind one figure of a person (drill-down): one line per act, in the order they were done,
    /// by the same predicate the count uses, so the total equals the figure.
    /// </summary>
    public async Task<AssessmentCasePage> PersonCasesAsync(
        Post post, AssessmentPeriod period, CommunityId? communityId, StaffId staffId, PersonAct act, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facts = PersonFactsOf(db, post, period, communityId, PersonActs.EventsOf(act)).Where(f => f.StaffId == staffId).Where(PersonPredicates[act]);
        var total = await facts.CountAsync(cancellationToken);
        var ids = await facts.OrderBy(f => f.AtUtc).ThenBy(f => f.CaseId).ThenBy(f => f.Sequence)
            .Skip(skip).Take(take).Select(f => f.CaseId).ToListAsync(cancellationToken);
        return await CasePageAsync(db, total, ids, cancellationToken);
    }

    /// <summary>The lines of a drill-down page: each case as often as it is counted, in the order given.</summary>
    private static async Task<AssessmentCasePage> CasePageAsync(CommandCenterDbContext db, int total, List<Guid> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => distinct.Contains(c.Id))
            .Select(c => new AssessmentCase(c.Id, c.Number, c.CategoryCode, c.State, c.Urgency, c.Level, c.CurrentUnitId, c.CommunityId))
            .ToDictionaryAsync(c => c.CaseId, cancellationToken);
        return new AssessmentCasePage(total, [.. ids.Select(id => cases[id])]);
    }

    /// <summary>Each <see cref="PersonAct"/> as a condition on one act of a person: the count and the drill-down use the same.</summary>
    private static readonly Dictionary<PersonAct, Expression<Func<PersonFacts, bool>>> PersonPredicates = new()
    {
        [PersonAct.Accepted] = f => f.Type == CaseEventType.Accepted,
        [PersonAct.Dispatched] = f => f.Dispatch,
        [PersonAct.Signed] = f => f.Type == CaseEventType.Signed,
        [PersonAct.ReportedDone] = f => f.Type == CaseEventType.ReportedDone,
        [PersonAct.Returned] = f => f.Type == CaseEventType.Returned,
        [PersonAct.DispatchedOnTime] = f => f.Dispatch && !f.WaitOverdue,
        [PersonAct.DispatchReturned] = f => f.Dispatch && f.ReturnedAfter,
        [PersonAct.Reassigned] = f => f.Dispatch && f.AfterReturn,
        [PersonAct.Reported] = f => f.Type == CaseEventType.Reported,
        [PersonAct.ReportRejected] = f => f.Type == CaseEventType.Reported && f.CaseRejected,
        [PersonAct.Verified] = f => f.Verification,
        [PersonAct.VerifiedOnTime] = f => f.Verification && !f.WaitOverdue,
    };

    private static readonly List<CaseEventType> DispatchEvents = PersonActs.DispatchEvents;
    private static readonly List<CaseEventType> VerificationEvents = PersonActs.EventsOf(PersonAct.Verified);
    private static readonly List<CaseEventType> WaitOverdueEvents = [CaseEventType.DispatchOverdue, CaseEventType.VerificationOverdue];
    private static readonly List<CaseEventType> BackToTheDesk = [CaseEventType.Returned, CaseEventType.ReturnedUnsigned];

    /// <summary>
    /// The acts of <paramref name="types"/> that staff members did in the period on the cases the caller may see, each with
    /// what the timeline says around it. The stage an act ended (待派遣 for a dispatch, 待核查 for a verification) began
    /// at the last event that moved the case into it; the act was on time when no overdue mark of that stage lies between.
    /// A dispatch was returned when a 退单 follows it before the next dispatch, and was a 改派 when the case came back to
    /// the desk by a 退单 or unsigned. A report was invalid when the desk refused it (the case ends 不予受理).
    /// </summary>
    private static IQueryable<PersonFacts> PersonFactsOf(
        CommandCenterDbContext db, Post post, AssessmentPeriod period, CommunityId? communityId, List<CaseEventType> types)
    {
        var cases = Scoped(db, post, communityId);
        var timeline = db.TimelineEvents;
        var acts = db.TimelineEvents
            .Where(e => e.OccurredAtUtc >= period.FromUtc && e.OccurredAtUtc < period.ToUtc && e.ActorStaffId != null && types.Contains(e.Type));
        return (CoversEveryCase(post, communityId) ? acts : acts.Where(e => cases.Any(c => c.Id == e.CaseId)))
            // Scalar subqueries only (SQLite has no APPLY / LATERAL for a correlated row), each behind the type of act it
            // is about, each an index seek on (CaseId, Sequence); the nested ones run only under rare events (overdue marks,
            // returns), never per event of the case. An "entry" is an event that moved the case into the stage the act
            // ended (ToState is the act's FromState, FromState is not).
            .Select(e => new
            {
                Event = e,
                Dispatch = DispatchEvents.Contains(e.Type),
                Verification = VerificationEvents.Contains(e.Type),
            })
            .Select(x => new PersonFacts
            {
                StaffId = x.Event.ActorStaffId!.Value,
                CaseId = x.Event.CaseId,
                Sequence = x.Event.Sequence,
                Type = x.Event.Type,
                AtUtc = x.Event.OccurredAtUtc,
                Dispatch = x.Dispatch,
                Verification = x.Verification,
                EnteredAtUtc = x.Dispatch
                    ? timeline
                        .Where(w => w.CaseId == x.Event.CaseId && w.Sequence < x.Event.Sequence && w.ToState == x.Event.FromState && w.FromState != x.Event.FromState)
                        .OrderByDescending(w => w.Sequence).Select(w => (DateTime?)w.OccurredAtUtc).FirstOrDefault()
                    : null,
                // An overdue mark with no entry between it and the act: the act ended the very wait the timer marked.
                WaitOverdue = (x.Dispatch || x.Verification) && timeline.Any(v => v.CaseId == x.Event.CaseId && WaitOverdueEvents.Contains(v.Type)
                    && v.Sequence < x.Event.Sequence
                    && !timeline.Any(w => w.CaseId == x.Event.CaseId && w.Sequence > v.Sequence && w.Sequence < x.Event.Sequence
                        && w.ToState == x.Event.FromState && w.FromState != x.Event.FromState)),
                // The last entry before the dispatch was a 退单 (or a return unsigned).
                AfterReturn = x.Dispatch && timeline.Any(r => r.CaseId == x.Event.CaseId && BackToTheDesk.Contains(r.Type) && r.Sequence < x.Event.Sequence
                    && !timeline.Any(w => w.CaseId == x.Event.CaseId && w.Sequence > r.Sequence && w.Sequence < x.Event.Sequence
                        && w.ToState == x.Event.FromState && w.FromState != x.Event.FromState)),
                ReturnedAfter = x.Dispatch && timeline.Any(r => r.CaseId == x.Event.CaseId && r.Type == CaseEventType.Returned && r.Sequence > x.Event.Sequence
                    && !timeline.Any(d => d.CaseId == x.Event.CaseId && DispatchEvents.Contains(d.Type) && d.Sequence > x.Event.Sequence && d.Sequence < r.Sequence)),
                CaseRejected = x.Event.Type == CaseEventType.Reported && db.Cases.Any(c => c.Id == x.Event.CaseId && c.State == CaseState.Rejected),
            });
    }

    /// <summary>One act of a person and what the timeline says around it.</summary>
    private sealed class PersonFacts
    {
        public StaffId StaffId { get; init; }
        public Guid CaseId { get; init; }
        public int Sequence { get; init; }
        public CaseEventType Type { get; init; }
        public DateTime AtUtc { get; init; }
        public bool Dispatch { get; init; }
        public bool Verification { get; init; }
        /// <summary>When the case came into the stage the act ended; null when the timeline holds no entry (imported cases).</summary>
        public DateTime? EnteredAtUtc { get; init; }
        public bool WaitOverdue { get; init; }
        public bool AfterReturn { get; init; }
        public bool ReturnedAfter { get; init; }
        public bool CaseRejected { get; init; }
    }

    /// <summary>Of the cases closed in the period, how many at each level, and how many of those their category sent there directly.</summary>
    public async Task<ResolvedAtLevel> ResolvedAtLevelAsync(Post post, AssessmentPeriod period, CommunityId? communityId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Scoped(db, post, communityId)
            .Where(c => c.State == CaseState.Closed && c.ClosedAtUtc >= period.FromUtc && c.ClosedAtUtc < period.ToUtc)
            .Select(c => new
            {
                c.Level,
                Direct = c.EscalationCount == 0 && c.Level >= HandlingLevel.Street
                    && db.Categories.Any(k => k.Code == c.CategoryCode && k.DefaultLevel == c.Level),
            })
            .GroupBy(c => c.Level)
            .Select(g => new LevelClosings(g.Key, g.Count(), g.Count(c => c.Direct)))
            .ToListAsync(cancellationToken);
        return new ResolvedAtLevel([.. Enum.GetValues<HandlingLevel>().Select(l => rows.SingleOrDefault(r => r.Level == l) ?? new LevelClosings(l, 0, 0))]);
    }

    private static IEnumerable<IQueryable<Guid>> Behind(Sources sources, UnitId? unitId, Indicator indicator)
    {
        if (unitId is { } unit)
        {
            if (RatingIndicators.TryGetValue(indicator, out var rated))
                return [sources.Ratings.Where(rated).Where(e => e.UnitId == unit).OrderBy(e => e.Id).Select(e => e.CaseId)];
            var predicate = DueIndicators.GetValueOrDefault(indicator) ?? ActIndicators[indicator == Indicator.Registered ? Indicator.Dispatched : indicator];
            return
            [
                sources.EndedRounds.Where(predicate).Where(f => f.UnitId == unit).OrderBy(f => f.Key).Select(f => f.CaseId),
                sources.OpenRounds.Where(predicate).Where(f => f.UnitId == unit).OrderBy(f => f.CaseId).Select(f => f.CaseId),
            ];
        }
        if (DueIndicators.TryGetValue(indicator, out var due))
            return [sources.DueCases.Where(due).OrderBy(f => f.CaseId).Select(f => f.CaseId)];
        if (AreaRoundIndicators.Contains(indicator))
            return
            [
                sources.EndedRounds.Where(ActIndicators[indicator]).OrderBy(f => f.Key).Select(f => f.CaseId),
                sources.OpenRounds.Where(ActIndicators[indicator]).OrderBy(f => f.CaseId).Select(f => f.CaseId),
            ];
        return [sources.Events.Where(AreaEventIndicators[indicator]).OrderBy(e => e.Id).Select(e => e.CaseId)];
    }

    /// <summary>
    /// Counts every indicator's predicate over <paramref name="source"/> per <paramref name="key"/> in ONE grouped query:
    /// <c>GROUP BY key</c> with one <c>COUNT(CASE WHEN predicate THEN 1 END)</c> per indicator, so a table costs one pass
    /// over each source instead of one per indicator (or per act of a person). The predicates are the very ones the drill-down lists with.
    /// Keys without a single row counted are absent (zero).
    /// </summary>
    private static async Task<Dictionary<(TKey Key, TFigure Figure), int>> CountAsync<TSource, TKey, TFigure>(
        IQueryable<TSource> source, Expression<Func<TSource, TKey>> key,
        IReadOnlyDictionary<TFigure, Expression<Func<TSource, bool>>> predicates, CancellationToken cancellationToken)
        where TKey : notnull
        where TFigure : notnull
    {
        var indicators = predicates.Keys.ToList();
        var group = Expression.Parameter(typeof(IGrouping<TKey, TSource>), "g");
        var count = new Func<IEnumerable<TSource>, Func<TSource, bool>, int>(Enumerable.Count).Method;
        var row = Expression.Lambda<Func<IGrouping<TKey, TSource>, GroupCounts<TKey>>>(
            Expression.MemberInit(
                Expression.New(typeof(GroupCounts<TKey>)),
                Expression.Bind(typeof(GroupCounts<TKey>).GetProperty(nameof(GroupCounts<TKey>.Key))!, Expression.Property(group, nameof(IGrouping<TKey, TSource>.Key))),
                Expression.Bind(typeof(GroupCounts<TKey>).GetProperty(nameof(GroupCounts<TKey>.Counts))!,
                    Expression.NewArrayInit(typeof(int), indicators.Select(i => Expression.Call(count, group, predicates[i]))))),
            group);
        var rows = await source.GroupBy(key).Select(row).ToListAsync(cancellationToken);
        return rows
            .SelectMany(r => indicators.Select((indicator, n) => (Key: (r.Key, indicator), Count: r.Counts[n])))
            .Where(c => c.Count != 0)
            .ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>One group's conditional counts, in the order of the indicators asked.</summary>
    private sealed class GroupCounts<TKey>
    {
        public required TKey Key { get; init; }
        public required int[] Counts { get; init; }
    }

    private static IndicatorCounts Tally(
        IReadOnlyDictionary<Indicator, int> counts, int registered, (int Count, TimeSpan Total) signed, (int Count, TimeSpan Total) handled)
    {
        int Of(Indicator indicator) => counts.GetValueOrDefault(indicator);
        return IndicatorCounts.None with
        {
            Registered = registered,
            Due = Of(Indicator.Due), Closed = Of(Indicator.Closed), ClosedOnTime = Of(Indicator.ClosedOnTime), Deferred = Of(Indicator.Deferred),
            Reworked = Of(Indicator.Reworked), UrgentDue = Of(Indicator.UrgentDue), UrgentClosedOnTime = Of(Indicator.UrgentClosedOnTime),
            UrgentDeferred = Of(Indicator.UrgentDeferred), Returned = Of(Indicator.Returned), Satisfied = Of(Indicator.Satisfied),
            BasicallySatisfied = Of(Indicator.BasicallySatisfied), Unsatisfied = Of(Indicator.Unsatisfied), DefaultSatisfied = Of(Indicator.DefaultSatisfied),
            Escalations = Of(Indicator.Escalations), OverdueOpen = Of(Indicator.OverdueOpen), Dispatched = Of(Indicator.Dispatched),
            RespondedInTime = Of(Indicator.RespondedInTime), Resolved = Of(Indicator.Resolved),
            SignedRounds = signed.Count, SignForTime = signed.Total, HandledRounds = handled.Count, HandlingTime = handled.Total,
        };
    }

    /// <summary>Whether the scope holds every case: then a row of a case needs no look at the case to be in it.</summary>
    private static bool CoversEveryCase(Post post, CommunityId? communityId) => CaseScope.SeesEveryCase(post) && communityId is null;

    /// <summary>
    /// The post's cases (in <paramref name="communityId"/>, or all) as whole communities, whose days are stored, and the cases
    /// it sees besides (<see cref="CaseScope.ByCommunity"/>); null when they are not made of whole communities: counted live.
    /// </summary>
    private StoredSplit? SplitOf(CommandCenterDbContext db, Post post, CommunityId? communityId)
    {
        if (CaseScope.ByCommunity(post, directory.Communities) is not { } split) return null;
        if (communityId is { } asked)
            // The cases besides lie outside the whole communities: in one of these, there are none.
            return split.Communities is null || split.Communities.Contains(asked) ? new StoredSplit([asked], null) : null;
        return new StoredSplit(split.Communities is { } ids ? [.. ids] : null, split.Beyond is { } beyond ? db.Cases.AsNoTracking().Where(beyond) : null);
    }

    /// <summary>
    /// Every case, for the days of a period counted live: read from the period's rounds and events (the plan a district
    /// table uses), grouped by community and kept for the communities asked — a join to one community's cases would make the
    /// database walk all of that community's cases for a day's rounds.
    /// </summary>
    private static Sources Everything(CommandCenterDbContext db, AssessmentPeriod period, DateTime now) => new(db, db.Cases.AsNoTracking(), true, period, now);

    /// <summary>
    /// The cases the post sees besides its whole communities, by id (found through the index of the case's current unit), or
    /// null when there are none: the period's rounds and events are then read per case, never scanned for them.
    /// </summary>
    private static async Task<IQueryable<Case>?> BeyondAsync(CommandCenterDbContext db, StoredSplit split, CancellationToken cancellationToken)
    {
        if (split.Beyond is not { } beyond) return null;
        var ids = await beyond.Select(c => c.Id).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id));
    }

    /// <summary>
    /// A post's cases split for the stored days: those of <see cref="Communities"/> (null: every community), and
    /// <see cref="Beyond"/> the cases it sees besides, always counted live (null: none).
    /// </summary>
    private sealed record StoredSplit(List<CommunityId>? Communities, IQueryable<Case>? Beyond)
    {
        public bool Includes(CommunityId community) => Communities is null || Communities.Contains(community);
    }

    private static IQueryable<Case> Scoped(CommandCenterDbContext db, Post post, CommunityId? communityId)
    {
        var cases = db.Cases.AsNoTracking().Where(CaseScope.VisibleTo(post));
        return communityId is { } community ? cases.Where(c => c.CommunityId == community) : cases;
    }

    private static Expression<Func<TimelineEvent, bool>> Rated(Rating rating)
    {
        var detail = RatingRecords.Detail(rating);
        return e => RatingEvents.Contains(e.Type) && e.Detail == detail;
    }

    /// <summary>What the counts ask of one case due in the period (area) or of one handling round (unit).</summary>
    private sealed class Facts
    {
        public Guid CaseId { get; init; }
        /// <summary>The round's id, for a stable order; 0 for a case or an open round.</summary>
        public long Key { get; init; }
        public UnitId UnitId { get; init; }
        public CommunityId CommunityId { get; init; }
        public bool Due { get; init; }
        public bool Done { get; init; }
        public bool Late { get; init; }
        public bool Deferred { get; init; }
        public bool Reworked { get; init; }
        public bool Urgent { get; init; }
        public bool Overdue { get; init; }
        public bool Resolved { get; init; }
        public bool Received { get; init; }
        public bool RespondedInTime { get; init; }
        public bool ReturnedInPeriod { get; init; }
        public bool EscalatedInPeriod { get; init; }
    }

    private sealed record Span(UnitId UnitId, CommunityId CommunityId, DateTime FromUtc, DateTime ToUtc);

    /// <summary>An ended round's instants, with its case's community.</summary>
    private sealed class RoundInstants
    {
        public UnitId UnitId { get; init; }
        public CommunityId CommunityId { get; init; }
        public DateTime StartedAtUtc { get; init; }
        public DateTime? SignedAtUtc { get; init; }
        public DateTime EndedAtUtc { get; init; }
        public HandlingOutcome Outcome { get; init; }
    }

    /// <summary>A timeline event with its case's community: the area's acts grouped per community.</summary>
    private sealed class CaseEvent
    {
        public required TimelineEvent Event { get; init; }
        public CommunityId CommunityId { get; init; }

        /// <summary>A predicate on an event, asked of the event of a <see cref="CaseEvent"/>: the drill-down's very predicate.</summary>
        public static Expression<Func<CaseEvent, bool>> Of(Expression<Func<TimelineEvent, bool>> predicate)
        {
            var row = Expression.Parameter(typeof(CaseEvent), "x");
            var body = new Replace(predicate.Parameters[0], Expression.Property(row, nameof(Event))).Visit(predicate.Body);
            return Expression.Lambda<Func<CaseEvent, bool>>(body, row);
        }

        private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
        }
    }

    /// <summary>The queries every count and list starts from, for one context, scope and period.</summary>
    private sealed class Sources(CommandCenterDbContext db, IQueryable<Case> cases, bool everyCase, AssessmentPeriod period, DateTime now)
    {
        private readonly DateTime _from = period.FromUtc;
        private readonly DateTime _to = period.ToUtc;

        /// <summary>
        /// The area's cases due in the period: the deadline falls in it and the case did not close before it,
        /// or it closed in it before the deadline (or with none).
        /// </summary>
        public IQueryable<Facts> DueCases => cases
            .Where(c => !NotRegistered.Contains(c.State))
            .Where(c => c.Clock.HandlingDeadlineUtc >= _from && c.Clock.HandlingDeadlineUtc < _to && !(c.ClosedAtUtc < c.Clock.HandlingDeadlineUtc)
                || c.ClosedAtUtc >= _from && c.ClosedAtUtc < _to && (c.Clock.HandlingDeadlineUtc == null || c.ClosedAtUtc < c.Clock.HandlingDeadlineUtc))
            .Select(c => new Facts
            {
                CaseId = c.Id,
                CommunityId = c.CommunityId,
                Due = true,
                Done = c.State == CaseState.Closed,
                Late = db.HandlingRecords.Any(r => r.CaseId == c.Id && r.HandledLate),
                Deferred = c.Clock.IsDeferred,
                Reworked = c.ReworkCount > 0,
                Urgent = c.Urgency != Urgency.Normal,
                Overdue = c.State != CaseState.Closed && c.Clock.HandlingDeadlineUtc < now,
                Resolved = !db.TimelineEvents.Any(e => e.CaseId == c.Id && RatingEvents.Contains(e.Type) && e.Detail == UnsatisfiedDetail),
            });

        /// <summary>
        /// Rounds that ended (a <see cref="HandlingRecord"/>) and matter to the period: due in it (reported done —
        /// at the deadline, or at the end when that came first — or escalated late), received, returned or escalated in it.
        /// </summary>
        public IQueryable<Facts> EndedRounds => db.HandlingRecords
            // Every count below needs one of the round's instants in the period: rounds touching none count nowhere.
            .Where(r => r.StartedAtUtc >= _from && r.StartedAtUtc < _to || r.EndedAtUtc >= _from && r.EndedAtUtc < _to
                || r.HandlingDeadlineUtc >= _from && r.HandlingDeadlineUtc < _to)
            .Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { Round = r, c.Urgency, c.CommunityId })
            .Select(x => new Facts
            {
                CaseId = x.Round.CaseId,
                Key = x.Round.Id,
                UnitId = x.Round.UnitId,
                CommunityId = x.CommunityId,
                Due = (x.Round.Outcome == HandlingOutcome.Done || x.Round.Outcome == HandlingOutcome.Escalated && x.Round.HandledLate)
                    && (x.Round.HandlingDeadlineUtc >= _from && x.Round.HandlingDeadlineUtc < _to
                            && !(x.Round.Outcome == HandlingOutcome.Done && x.Round.EndedAtUtc < x.Round.HandlingDeadlineUtc)
                        || x.Round.Outcome == HandlingOutcome.Done && x.Round.EndedAtUtc >= _from && x.Round.EndedAtUtc < _to
                            && (x.Round.HandlingDeadlineUtc == null || x.Round.EndedAtUtc < x.Round.HandlingDeadlineUtc)),
                Done = x.Round.Outcome == HandlingOutcome.Done,
                Late = x.Round.HandledLate,
                Deferred = x.Round.WasDeferred,
                Reworked = x.Round.Round == HandlingRound.Rework,
                Urgent = x.Urgency != Urgency.Normal,
                Overdue = false,
                Resolved = !db.TimelineEvents.Any(e => e.CaseId == x.Round.CaseId && e.UnitId == x.Round.UnitId
                    && RatingEvents.Contains(e.Type) && e.Detail == UnsatisfiedDetail),
                Received = x.Round.Round == HandlingRound.Dispatch && x.Round.StartedAtUtc >= _from && x.Round.StartedAtUtc < _to,
                RespondedInTime = x.Round.SignedAtUtc != null && x.Round.SignedAtUtc <= x.Round.SignDeadlineUtc,
                ReturnedInPeriod = x.Round.Outcome == HandlingOutcome.Returned && x.Round.EndedAtUtc >= _from && x.Round.EndedAtUtc < _to,
                EscalatedInPeriod = x.Round.Outcome == HandlingOutcome.Escalated && x.Round.EndedAtUtc >= _from && x.Round.EndedAtUtc < _to,
            });

        /// <summary>The round each unit holds now: no record yet, its data is on the case. Deferred, it has no deadline and is not due.</summary>
        public IQueryable<Facts> OpenRounds => cases
            .Where(c => c.CurrentUnitId != null && UnderWay.Contains(c.State))
            .Select(c => new Facts
            {
                CaseId = c.Id,
                UnitId = c.CurrentUnitId!.Value,
                CommunityId = c.CommunityId,
                Due = c.Clock.HandlingDeadlineUtc >= _from && c.Clock.HandlingDeadlineUtc < _to,
                Done = false,
                Late = false,
                Deferred = c.Clock.IsDeferred,
                Reworked = c.Clock.ReworkStartedAtUtc != null,
                Urgent = c.Urgency != Urgency.Normal,
                Overdue = c.Clock.HandlingDeadlineUtc < now,
                Resolved = false,
                Received = c.Clock.ReworkStartedAtUtc == null && c.Clock.DispatchedAtUtc >= _from && c.Clock.DispatchedAtUtc < _to,
                RespondedInTime = c.Clock.SignedAtUtc != null && c.Clock.SignedAtUtc <= c.Clock.SignDeadlineUtc,
                ReturnedInPeriod = false,
                EscalatedInPeriod = false,
            });

        /// <summary>The timeline events of the period on the scope's cases.</summary>
        public IQueryable<TimelineEvent> Events => InScope(db.TimelineEvents.Where(e => e.OccurredAtUtc >= _from && e.OccurredAtUtc < _to));

        /// <summary>The timeline events of the period on the scope's cases, each with its case's community.</summary>
        public IQueryable<CaseEvent> CaseEvents => WithCommunity(db.TimelineEvents.Where(e => e.OccurredAtUtc >= _from && e.OccurredAtUtc < _to));

        /// <summary>The rating events of the period on the scope's cases, each with its case's community.</summary>
        public IQueryable<CaseEvent> CaseRatings => WithCommunity(db.TimelineEvents
            .Where(e => RatingEvents.Contains(e.Type) && e.OccurredAtUtc >= _from && e.OccurredAtUtc < _to));

        private IQueryable<CaseEvent> WithCommunity(IQueryable<TimelineEvent> events) =>
            events.Join(cases, e => e.CaseId, c => c.Id, (e, c) => new CaseEvent { Event = e, CommunityId = c.CommunityId });

        /// <summary>The rating events of the period on the scope's cases, read through the timeline's partial index of ratings.</summary>
        public IQueryable<TimelineEvent> Ratings => InScope(db.TimelineEvents
            .Where(e => RatingEvents.Contains(e.Type) && e.OccurredAtUtc >= _from && e.OccurredAtUtc < _to));

        private IQueryable<TimelineEvent> InScope(IQueryable<TimelineEvent> events) =>
            everyCase ? events : events.Where(e => cases.Any(c => c.Id == e.CaseId));

        /// <summary>
        /// The instants of the average times: dispatch to signing for the rounds signed in the period, signing
        /// (or the rework's start) to 办结 for the rounds reported done in it. Only instants leave the database.
        /// </summary>
        public async Task<(List<Span> SignFor, List<Span> Handling)> SpansAsync(CancellationToken cancellationToken)
        {
            // One query for both spans of the ended rounds, split here: signed in the period, reported done in it; each with its case's community.
            var records = db.HandlingRecords.Join(cases, r => r.CaseId, c => c.Id, (r, c) => new RoundInstants
                { UnitId = r.UnitId, CommunityId = c.CommunityId, StartedAtUtc = r.StartedAtUtc, SignedAtUtc = r.SignedAtUtc, EndedAtUtc = r.EndedAtUtc, Outcome = r.Outcome });
            var ended = await records
                .Where(r => r.SignedAtUtc >= _from && r.SignedAtUtc < _to || r.Outcome == HandlingOutcome.Done && r.EndedAtUtc >= _from && r.EndedAtUtc < _to)
                .ToListAsync(cancellationToken);
            var signFor = ended
                .Where(r => r.SignedAtUtc >= _from && r.SignedAtUtc < _to)
                .Select(r => new Span(r.UnitId, r.CommunityId, r.StartedAtUtc, r.SignedAtUtc!.Value))
                .ToList();
            signFor.AddRange(await cases
                .Where(c => c.CurrentUnitId != null && UnderWay.Contains(c.State) && c.Clock.ReworkStartedAtUtc == null
                    && c.Clock.SignedAtUtc >= _from && c.Clock.SignedAtUtc < _to && c.Clock.DispatchedAtUtc != null)
                .Select(c => new Span(c.CurrentUnitId!.Value, c.CommunityId, c.Clock.DispatchedAtUtc!.Value, c.Clock.SignedAtUtc!.Value))
                .ToListAsync(cancellationToken));
            var handling = ended
                .Where(r => r.Outcome == HandlingOutcome.Done && r.EndedAtUtc >= _from && r.EndedAtUtc < _to)
                .Select(r => new Span(r.UnitId, r.CommunityId, r.SignedAtUtc ?? r.StartedAtUtc, r.EndedAtUtc))
                .ToList();
            return (signFor, handling);
        }
    }
}
