using System.Collections.Concurrent;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Assessment.Scoring;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>
/// A wall's assessment figures: its area today and over the last 30 China days, its units ranked by score over
/// those 30 days, the top of each kind of people (dispatchers, grid workers) ranked by their kind's score over the same days,
/// and the latest published 红黑榜 (null before the first).
/// </summary>
/// <remarks><see cref="DefaultSatisfiedCounts"/> is the street's setting, read with the figures, so the wall's 满意率 follows it.</remarks>
public sealed record WallRates(
    DateTime AsOfUtc, IndicatorCounts Today, IndicatorCounts Last30Days, IReadOnlyList<Ranked<UnitIndicatorCounts>> Ranking,
    IReadOnlyList<PersonKindScores> People, PublishedHonourRoll? HonourRoll, bool DefaultSatisfiedCounts = false)
{
    public Indicators TodayIndicators => new(Today, DefaultSatisfiedCounts);

    public Indicators Last30DaysIndicators => new(Last30Days, DefaultSatisfiedCounts);
}

/// <summary>
/// The wall's 结案率, 按期结案率 and 满意率 by the assessment formulas (<see cref="Indicators"/>), over the
/// same queries as the assessment page, so wall and page agree for the same scope and day. They cannot be
/// kept from the events alone (they need every round's lateness and the ratings of the period), so they
/// are recomputed on the wall's refresh path instead: after the projection changes, at most once per
/// <see cref="MinInterval"/>, and every <see cref="MaxAge"/> regardless, as open cases go overdue with
/// time alone. One computation per scope serves every wall of it.
/// </summary>
public sealed class WallAssessment : IDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private const int RankingLength = 8;
    /// <summary>People of each kind on the wall: both kinds fit beside the feed at any screen size.</summary>
    private const int PersonRankingLength = 3;
    private static readonly Post Wall = Post.System(ActSource.Display);

    private readonly AssessmentQueries _queries;
    private readonly ScoringAdministration _schemes;
    private readonly PersonScores _people;
    private readonly HonourRolls _honourRolls;
    private readonly DashboardProjection _projection;
    private readonly TimeProvider _clock;
    private readonly ILogger<WallAssessment> _log;
    private readonly ITimer _timer;
    // Keyed by scope: a community, else a street, else (both null) every street. Null until first computed.
    private readonly ConcurrentDictionary<(StreetId?, CommunityId?), WallRates?> _scopes = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private int _scheduled;
    private DateTime _lastRefreshUtc = DateTime.MinValue;

    public WallAssessment(
        AssessmentQueries queries, ScoringAdministration schemes, PersonScores people, HonourRolls honourRolls, DashboardProjection projection,
        TimeProvider clock, ILogger<WallAssessment> log)
    {
        (_queries, _schemes, _people, _honourRolls, _projection, _clock, _log) = (queries, schemes, people, honourRolls, projection, clock, log);
        _timer = clock.CreateTimer(_ => _ = RefreshAsync(), null, MaxAge, MaxAge);
        projection.Changed += OnProjectionChanged;
    }

    /// <summary>Raised after each recompute; walls coalesce their renders.</summary>
    public event Action? Changed;

    /// <summary>Walls subscribed now; one whose circuit has gone must have dropped out, or it leaks.</summary>
    public int SubscriberCount => Changed?.GetInvocationList().Length ?? 0;

    /// <summary>
    /// The latest figures of a community, or of a street, or (neither) of every street; null until the first computation,
    /// which asking starts.
    /// </summary>
    public WallRates? Rates(CommunityId? communityId, StreetId? streetId = null)
    {
        var key = communityId is null ? (streetId, communityId) : (null, communityId);
        if (_scopes.TryAdd(key, null)) Schedule(TimeSpan.Zero);
        return _scopes.GetValueOrDefault(key);
    }

    /// <summary>Recomputes every scope a wall has asked for.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Exchange(ref _scheduled, 0);
            var now = _clock.GetUtcNow().UtcDateTime;
            var today = AssessmentPeriod.Day(Domain.Common.ChinaTime.LocalDate(now));
            var last30Days = AssessmentPeriod.LastDays(now, 30);
            var schemes = await _schemes.CurrentAsync(cancellationToken);
            foreach (var key in _scopes.Keys)
            {
                var (street, community) = key;
                var defaultSatisfiedCounts = await _queries.DefaultSatisfiedCountsAsync(street, cancellationToken, community);
                // The wall reads as a post of its street: another street's cases are outside it.
                var wall = Wall with { StreetId = street };
                var units = await _queries.UnitsAsync(wall, last30Days, kind: null, cancellationToken, community);
                // The assessment page's person scores, from one read of the people's figures for both kinds.
                var people = await _people.OfEveryKindAsync(wall, last30Days, community, cancellationToken);
                _scopes[key] = new WallRates(
                    now,
                    await _queries.AreaAsync(wall, today, community, cancellationToken),
                    await _queries.AreaAsync(wall, last30Days, community, cancellationToken),
                    [.. UnitScores.RankAcrossKinds(units, schemes, defaultSatisfiedCounts).Take(RankingLength)],
                    Top(people),
                    await _honourRolls.OfWallAsync(street, community, cancellationToken),
                    defaultSatisfiedCounts);
            }
            _lastRefreshUtc = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The wall keeps its last figures; the next change or MaxAge tries again.
            _log.LogWarning(e, "The wall's assessment figures could not be recomputed.");
            return;
        }
        finally
        {
            _refreshing.Release();
        }
        Changed?.Invoke();
    }

    /// <summary>What the wall shows of each kind's ranking: its first <see cref="PersonRankingLength"/> ranked people.</summary>
    public static IReadOnlyList<PersonKindScores> Top(IEnumerable<PersonKindScores> kinds) =>
        [.. kinds.Select(kind => kind with { Rows = [.. kind.Rows.Where(r => r.Rank is not null).Take(PersonRankingLength)] })];

    public void Dispose()
    {
        _projection.Changed -= OnProjectionChanged;
        _timer.Dispose();
    }

    private void OnProjectionChanged()
    {
        var wait = _lastRefreshUtc + MinInterval - _clock.GetUtcNow().UtcDateTime;
        Schedule(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    /// <summary>One recompute pending at a time, so a stream of changes cannot keep pushing it back.</summary>
    private void Schedule(TimeSpan delay)
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) _timer.Change(delay, MaxAge);
    }
}
