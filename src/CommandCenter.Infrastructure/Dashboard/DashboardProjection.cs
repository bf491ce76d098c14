using System.Collections.Concurrent;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>
/// One per process: the wall's figures kept current from committed case events, so a
/// thousand open screens cost no more database work than one. Rebuilt from the database
/// when it starts; then each event updates the case's slice, and figures are computed on
/// request, at most once per change.
/// Each slice keeps the deadlines of the case's current clock, as the event carries them
/// (<see cref="CaseEvent.Times"/>), rather than the store being read again: every change of a
/// clock is itself an event, so the slice is never behind it, and the status a deadline reaches by
/// time alone (预警, 超时) is computed at the moment of asking with <see cref="CaseTimeStatus"/>, the
/// rule the console's queue filters by. Figures therefore also expire when the earliest such
/// moment passes; walls ask again at least once a minute (their assessment tiles refresh).
/// Events arrive on the thread that committed them, which holds the single-writer gate: they never wait for a
/// computation (hundreds of milliseconds at a hundred thousand open cases). One that finds the figures being
/// computed is queued and applied by the next to take the lock, and every reader applies what is queued first.
/// </summary>
public sealed class DashboardProjection : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private const int FeedLength = 50;
    private const int MapLimit = 2_000;
    private const int AlertLimit = 12;

    private readonly object _gate = new();
    private readonly ConcurrentQueue<IReadOnlyList<CaseEvent>> _arrived = new();
    private readonly Dictionary<Guid, CaseSlice> _cases = [];
    private readonly LinkedList<CaseEvent> _feed = new();
    private readonly TimeProvider _clock;
    private readonly IDisposable _subscription;
    private long _version;
    // Per scope (every street, one street, or a community), valid for one version: every wall of a scope shares one computation.
    private readonly Dictionary<(StreetId?, CommunityId?), DashboardFigures> _cached = [];
    private IReadOnlyList<OpenCount>? _openCounts;
    private long _cachedVersion = -1;

    private DateTime _cachedUntilUtc = DateTime.MaxValue;
    private readonly DeadlineRulesProvider _rules;

    public DashboardProjection(ICaseEventStream events, TimeProvider clock, DeadlineRulesProvider rules)
    {
        _clock = clock;
        _rules = rules;
        _subscription = events.Subscribe(Apply);
    }

    /// <summary>Raised after every batch that arrives; screens coalesce their renders.</summary>
    public event Action? Changed;

    /// <summary>Counts the batches that have arrived (and rebuilds): figures of this version hold every one of them.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Screens subscribed now; one whose circuit has gone must have dropped out, or it leaks.</summary>
    public int SubscriberCount => Changed?.GetInvocationList().Length ?? 0;

    /// <summary>Replaces the state with what the database holds: open cases and those closed within the window.</summary>
    public async Task RebuildAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var since = _clock.GetUtcNow().UtcDateTime - Window;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAtUtc == null || c.ClosedAtUtc >= since || c.ReportedAtUtc >= since)
            .Select(c => new
            {
                c.Id,
                Slice = new CaseSlice(c.Number, c.State, c.Level, c.Urgency, c.StreetId, c.CommunityId, c.CourtyardId, c.CategoryCode,
                    c.ReportedAtUtc, c.Clock.DispatchedAtUtc, c.ClosedAtUtc,
                    new StageTimes(c.Clock.IsDeferred, c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, c.Wait.WarningAtUtc, c.Wait.DeadlineUtc),
                    c.Clock.DeferredAtUtc),
            })
            .ToListAsync(cancellationToken);
        var feed = await LatestEventsAsync(db, cancellationToken);
        lock (_gate)
        {
            // Applied before the rows replace everything, as they would have been had they found the lock free.
            ApplyArrived();
            _cases.Clear();
            foreach (var row in rows) _cases[row.Id] = row.Slice;
            _feed.Clear();
            foreach (var e in feed) _feed.AddLast(e);
            Interlocked.Increment(ref _version);
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// The feed as it stood: the latest timeline events with their case as it is now, so a
    /// restarted wall is not blank until the next change.
    /// </summary>
    private static async Task<List<CaseEvent>> LatestEventsAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        var events = await db.TimelineEvents.AsNoTracking()
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Take(FeedLength)
            .ToListAsync(cancellationToken);
        var caseIds = events.Select(e => e.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. events.Select(e => CaseEvent.Of(cases[e.CaseId], e))];
    }

    /// <summary>The figures of one community, or of one street, or (neither given) of every street.</summary>
    public DashboardFigures Figures(CommunityId? communityId = null, StreetId? streetId = null)
    {
        lock (_gate)
        {
            var (version, now) = Fresh();
            // A community lies in one street: it alone names the scope.
            var scope = communityId is null ? (streetId, communityId) : (null, communityId);
            if (!_cached.TryGetValue(scope, out var figures)) _cached[scope] = figures = Compute(version, scope.Item1, scope.Item2);
            return figures;
        }
    }

    /// <summary>
    /// Every open case counted by the state (clock) it waits in, and how many of them are overdue on it: the operators'
    /// gauges, in one pass (the figures' own list of open cases stops at the map's <see cref="MapLimit"/>).
    /// </summary>
    public IReadOnlyList<OpenCount> OpenCounts()
    {
        lock (_gate)
        {
            var (_, now) = Fresh();
            return _openCounts ??= [.. _cases.Values.Where(c => !c.State.IsFinal())
                .GroupBy(c => c.State)
                .Select(g => new OpenCount(g.Key, g.Count(), g.Count(c => CaseTimeStatus.Of(c.State, c.Times, now) == TimeStatus.Overdue)))];
        }
    }

    /// <summary>Under the lock: applies what has arrived and drops what the last change or the clock made stale; the version and time to compute at.</summary>
    private (long Version, DateTime NowUtc) Fresh()
    {
        // Read before the queue is applied: the figures hold at least every event this version counts.
        var version = Version;
        ApplyArrived();
        var now = _clock.GetUtcNow().UtcDateTime;
        if (_cachedVersion != version || now >= _cachedUntilUtc)
        {
            _cachedVersion = version;
            _cached.Clear();
            _openCounts = null;
            _cachedUntilUtc = NextChangeAfter(now);
        }
        return (version, now);
    }

    public void Dispose() => _subscription.Dispose();

    private void Apply(IReadOnlyList<CaseEvent> events)
    {
        _arrived.Enqueue(events);
        Interlocked.Increment(ref _version);
        // Busy: a computation holds the lock, and applies these before it next reads.
        if (Monitor.TryEnter(_gate))
        {
            try
            {
                ApplyArrived();
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
        Changed?.Invoke();
    }

    /// <summary>Applies the events queued so far, in the order they arrived; the caller holds the lock.</summary>
    private void ApplyArrived()
    {
        while (_arrived.TryDequeue(out var events))
        {
            foreach (var e in events)
            {
                _cases.TryGetValue(e.CaseId, out var before);
                _cases[e.CaseId] = new CaseSlice(
                    e.Number, e.State, e.Level, e.Urgency, e.StreetId, e.CommunityId, e.CourtyardId, e.CategoryCode, e.ReportedAtUtc,
                    e.Type is CaseEventType.Dispatched or CaseEventType.Arbitrated ? e.OccurredAtUtc : before?.DispatchedAtUtc,
                    e.State.IsFinal() ? before?.ClosedAtUtc ?? e.OccurredAtUtc : null,
                    e.Times, e.DeferredAtUtc);
                _feed.AddFirst(e);
                if (_feed.Count > FeedLength) _feed.RemoveLast();
            }
        }
    }

    private DashboardFigures Compute(long version, StreetId? streetId, CommunityId? communityId)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.StartOfLocalDayUtc(ChinaTime.LocalDate(now));
        var since = now - Window;
        var cases = _cases.Where(c => (communityId is null || c.Value.CommunityId == communityId) && (streetId is null || c.Value.StreetId == streetId)).ToList();
        var openCases = cases.Where(c => !c.Value.State.IsFinal())
            .Select(c => new OpenCase(c.Key, c.Value.Number, c.Value.CourtyardId, c.Value.Urgency, c.Value.CategoryCode,
                c.Value.State, CaseTimeStatus.Of(c.Value.State, c.Value.Times, now), CaseTimeStatus.DeadlineOf(c.Value.State, c.Value.Times)))
            .ToList();
        var open = cases.Select(c => c.Value).Where(c => !c.State.IsFinal()).ToList();
        var deferred = open.Where(c => c.IsDeferred).ToList();
        var street = _rules.Rules.Street;
        var closed = cases.Select(c => c.Value).Where(c => c.State == CaseState.Closed && c.ClosedAtUtc >= since).ToList();
        var receivedTimes = cases.Select(c => c.Value.ReportedAtUtc).ToList();
        // The trends reach back 7 days at most, well inside the 30 days of closed.
        var closedTimes = closed.Select(c => c.ClosedAtUtc!.Value).ToList();

        return new DashboardFigures(
            version,
            now,
            new TodayCounts(
                Received: cases.Count(c => c.Value.ReportedAtUtc >= today),
                Dispatched: cases.Count(c => c.Value.DispatchedAtUtc >= today),
                InProgress: open.Count(c => c.State == CaseState.InProgress),
                Closed: cases.Count(c => c.Value.State == CaseState.Closed && c.Value.ClosedAtUtc >= today),
                Overdue: openCases.Count(c => c.IsOverdue)),
            new DeferredCounts(deferred.Count, deferred.Count(c => street.IsBacklog(c.DeferredAtUtc, now)), street.BacklogAfter),
            open.GroupBy(c => c.CommunityId).ToDictionary(g => g.Key, g => g.Count()),
            open.GroupBy(c => c.CategoryCode[..2]).ToDictionary(g => g.Key, g => g.Count()),
            closed.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Count()),
            [.. _feed.Where(e => (communityId is null || e.CommunityId == communityId) && (streetId is null || e.StreetId == streetId))],
            [.. openCases.OrderByDescending(c => c.IsOverdue).ThenBy(c => c.DeadlineUtc ?? DateTime.MaxValue).Take(MapLimit)],
            [.. openCases.Where(c => c.Status is TimeStatus.Overdue or TimeStatus.Warning)
                .OrderByDescending(c => c.Status == TimeStatus.Overdue).ThenBy(c => c.DeadlineUtc).Take(AlertLimit)],
            TrendSeries.Hourly(now, receivedTimes, closedTimes),
            TrendSeries.Daily(now, receivedTimes, closedTimes));
    }

    /// <summary>The earliest moment after <paramref name="nowUtc"/> at which an open case's status changes, or a deferral becomes 积存, by time alone.</summary>
    private DateTime NextChangeAfter(DateTime nowUtc)
    {
        var backlogAfter = _rules.Rules.Street.BacklogAfter;
        return _cases.Values.Where(c => !c.State.IsFinal())
            .Select(c => CaseTimeStatus.NextChangeAfter(c.State, c.Times, nowUtc)
                ?? (c.IsDeferred && c.DeferredAtUtc + backlogAfter > nowUtc ? c.DeferredAtUtc + backlogAfter : null))
            .Min() ?? DateTime.MaxValue;
    }

    private sealed record CaseSlice(
        string Number, CaseState State, HandlingLevel Level, Domain.Categories.Urgency Urgency, StreetId StreetId, CommunityId CommunityId, CourtyardId CourtyardId,
        string CategoryCode, DateTime ReportedAtUtc, DateTime? DispatchedAtUtc, DateTime? ClosedAtUtc, StageTimes Times, DateTime? DeferredAtUtc)
    {
        /// <summary>挂账: deferred (缓办) and still held by its unit.</summary>
        public bool IsDeferred => State == CaseState.InProgress && Times.IsDeferred;
    }
}
