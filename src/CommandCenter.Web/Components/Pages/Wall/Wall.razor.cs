using System.Globalization;
using CommandCenter.Domain.Assessment;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Assessment;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Wall;

/// <summary>
/// The command-center wall: figures from the shared projection, re-rendered when committed
/// events change them, at most four times a second however many arrive. The trend charts
/// pace their own updates more slowly (see <see cref="Components.Wall.TrendChart"/>).
/// </summary>
public sealed partial class Wall : IDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private DashboardFigures _figures = null!;
    private WallRates? _rates;
    private IReadOnlyDictionary<Domain.Organisation.CourtyardId, CourtyardTally> _archive = new Dictionary<Domain.Organisation.CourtyardId, CourtyardTally>();
    private RenderThrottle? _throttle;

    [Parameter] public int? CommunityId { get; set; }

    /// <summary>The street the wall shows (its URL names it); none: every street the post covers.</summary>
    [Parameter] public int? StreetId { get; set; }

    private Domain.Organisation.CommunityId? Requested => CommunityId is { } id ? new(id) : null;

    [Inject] public required DashboardProjection Projection { get; init; }
    [Inject] public required WallAssessment Assessment { get; init; }
    [Inject] public required ArchiveTally ArchiveTally { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required Session.CurrentActor Actor { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Telemetry.WallLiveness Liveness { get; init; }

    private IReadOnlyCollection<Domain.Organisation.Courtyard> Courtyards => [.. Directory.Courtyards.Where(InShownArea)];

    private string BacklogDays => _figures.Deferred.BacklogAfter.TotalDays.ToString("0.##", CultureInfo.CurrentCulture);

    private string Scope => Requested is { } id ? Directory.CommunityName(id) : Directory.AreaName(ShownStreet);

    private IEnumerable<(string Key, int Value)> Tiles =>
    [
        ("Received", _figures.Today.Received), ("Dispatched", _figures.Today.Dispatched), ("InProgress", _figures.Today.InProgress),
        ("Closed", _figures.Today.Closed), ("Overdue", _figures.Today.Overdue),
    ];

    /// <summary>Each rate today and over the last 30 days, by the assessment formulas; "—" until first computed or when nothing divides.</summary>
    private IEnumerable<(string Key, string Today, string Last30Days)> Rates
    {
        get
        {
            var today = _rates?.TodayIndicators;
            var month = _rates?.Last30DaysIndicators;
            return
            [
                ("ClosureRate", RateText.Of(today?.ClosureRate), RateText.Of(month?.ClosureRate)),
                ("OnTimeRate", RateText.Of(today?.OnTimeRate), RateText.Of(month?.OnTimeRate)),
                ("SatisfactionRate", RateText.Of(today?.SatisfactionRate), RateText.Of(month?.SatisfactionRate)),
            ];
        }
    }

    /// <summary>The units of the last 30 days by 综合指标值, each by its kind's scheme (see <see cref="WallAssessment"/>).</summary>
    private IEnumerable<(UnitIndicatorCounts Unit, int Rank, string Score, string Grade)> Ranking =>
        (_rates?.Ranking ?? []).Select(r => (r.Item, r.Rank, r.Score.Value.ToString("0.00", CultureInfo.InvariantCulture), r.Score.Grade.ToString()));

    /// <summary>The top dispatchers and grid workers of the last 30 days, each kind by its scheme (see <see cref="WallAssessment"/>).</summary>
    private IReadOnlyList<Infrastructure.Assessment.Scoring.PersonKindScores> People => _rates?.People ?? [];

    /// <summary>The latest published 红黑榜's lists, red then black; empty before the first.</summary>
    private IEnumerable<Infrastructure.Assessment.Scoring.HonourRollEntry> HonourRoll => _rates?.HonourRoll?.Entries ?? [];

    private IEnumerable<(string Name, int Count)> ByCommunity =>
        _figures.OpenByCommunity.OrderByDescending(c => c.Value).Select(c => (Directory.CommunityName(c.Key), c.Value));

    private IEnumerable<(string Name, int Count)> ByCategory =>
        _figures.OpenByCategoryGroup.OrderByDescending(c => c.Value).Take(6).Select(c => (Directory.CategoryName(c.Key), c.Value));

    /// <summary>
    /// The archive of what the wall shows (the street, or the community drilled down to) beside its cases: homes, current
    /// residents and, for posts that see tags, the elderly living alone.
    /// </summary>
    private CourtyardTally ArchiveTotal => CourtyardTally.Sum(
        Directory.Courtyards.Where(InShownArea).Select(c => _archive.GetValueOrDefault(c.Id)).OfType<CourtyardTally>());

    private bool SeesTags => Domain.Access.ArchiveScope.SeesTags(Actor.Post);

    /// <summary>The tags the courtyard list counts for this post (see <see cref="Domain.Archive.WallArchive"/>).</summary>
    private IReadOnlyList<Domain.Archive.ResidentTags> WallTags => Domain.Archive.WallArchive.TagsFor(Actor.Post);

    /// <summary>The shown community's courtyards by open cases (most first), each with its archive's counts.</summary>
    private IEnumerable<(Domain.Organisation.Courtyard Courtyard, int Open, CourtyardTally Tally)> CourtyardArchive
    {
        get
        {
            var open = _figures.OpenCases.CountBy(c => c.CourtyardId).ToDictionary();
            return Courtyards.Select(c => (c, open.GetValueOrDefault(c.Id), _archive.GetValueOrDefault(c.Id) ?? CourtyardTally.Sum([])))
                .OrderByDescending(r => r.Item2).ThenBy(r => r.c.Name, StringComparer.Ordinal);
        }
    }

    private int MaxByCommunity => _figures.OpenByCommunity.Values.DefaultIfEmpty(0).Max();
    private int MaxByCategory => _figures.OpenByCategoryGroup.Values.DefaultIfEmpty(0).Max();
    private int ClosedTotal => _figures.ClosedAtLevel.Values.Sum();

    /// <summary>The community whose figures this post is shown (null: its street, or every street).</summary>
    private Domain.Organisation.CommunityId? Shown =>
        Domain.Access.CaseScope.WallFor(Actor.Post, Requested is { } id ? Directory.Community(id) : null);

    /// <summary>The street whose figures this post is shown when no community is (null: every street it covers).</summary>
    private Domain.Organisation.StreetId? ShownStreet =>
        Domain.Access.CaseScope.StreetWallFor(Actor.Post, StreetId is { } id ? new Domain.Organisation.StreetId(id) : null);

    private bool InShownArea(Domain.Organisation.Courtyard courtyard) => Shown is { } community
        ? courtyard.CommunityId == community
        : ShownStreet is not { } street || Directory.Community(courtyard.CommunityId)?.StreetId == street;

    private void Read()
    {
        _figures = Projection.Figures(Shown, ShownStreet);
        _rates = Assessment.Rates(Shown, ShownStreet);
    }

    protected override void OnParametersSet()
    {
        Read();
        if (Shown != Requested && Shown is { } community) Navigation.NavigateTo($"/wall/community/{community}", replace: true);
        else if (Shown is null && ShownStreet is { } street && street.Value != StreetId) Navigation.NavigateTo($"/wall/street/{street}", replace: true);
    }

    protected override async Task OnParametersSetAsync() => _archive = await ArchiveTally.CountsAsync();

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive) return;
        var culture = new CircuitCulture();
        _throttle = new RenderThrottle(() => InvokeAsync(() => culture.RunAsync(async () =>
        {
            Read();
            _archive = await ArchiveTally.CountsAsync();
            StateHasChanged();
        })), RenderInterval, Clock);
        Projection.Changed += _throttle.Notify;
        Assessment.Changed += _throttle.Notify;
        Liveness.Opened(this);
    }

    /// <summary>On the server after-render runs once the browser has applied the render: the wall shows these figures.</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (_throttle is not null) Liveness.Shown(this, _figures.Version);
    }

    public void Dispose()
    {
        if (_throttle is null) return;
        Liveness.Closed(this);
        Projection.Changed -= _throttle.Notify;
        Assessment.Changed -= _throttle.Notify;
        _throttle.Dispose();
    }

    /// <summary>A unit's name as the wall has room for it, whole (see <see cref="Domain.Organisation.UnitShortName"/>).</summary>
    private string ShortName(string unitName) => Directory.UnitShortName(unitName);

    private static string Share(int count, int total) =>
        (total == 0 ? 0 : count / (double)total).ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Percent(int count, int total) =>
        total == 0 ? "—" : (count / (double)total).ToString("P0", CultureInfo.CurrentCulture);
}
