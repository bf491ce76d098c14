using System.Globalization;
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
    private RenderThrottle? _throttle;

    [Parameter] public int? CommunityId { get; set; }

    private Domain.Organisation.CommunityId? Requested => CommunityId is { } id ? new(id) : null;

    [Inject] public required DashboardProjection Projection { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required Session.CurrentActor Actor { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IReadOnlyCollection<Domain.Organisation.Courtyard> Courtyards =>
        Requested is { } id ? [.. Directory.Courtyards.Where(c => c.CommunityId == id)] : Directory.Courtyards;

    private string Scope => Requested is { } id ? Directory.CommunityName(id) : Directory.Street.Name;

    private IEnumerable<(string Key, int Value)> Tiles =>
    [
        ("Received", _figures.Today.Received), ("Dispatched", _figures.Today.Dispatched), ("InProgress", _figures.Today.InProgress),
        ("Closed", _figures.Today.Closed), ("Overdue", _figures.Today.Overdue),
    ];

    private IEnumerable<(string Key, double? Rate)> Rates =>
        [("Satisfaction", _figures.SatisfactionRate), ("OnTime", _figures.OnTimeRate)];

    private IEnumerable<(string Name, int Count)> ByCommunity =>
        _figures.OpenByCommunity.OrderByDescending(c => c.Value).Select(c => (Directory.CommunityName(c.Key), c.Value));

    private IEnumerable<(string Name, int Count)> ByCategory =>
        _figures.OpenByCategoryGroup.OrderByDescending(c => c.Value).Take(6).Select(c => (Directory.CategoryName(c.Key), c.Value));

    private int MaxByCommunity => _figures.OpenByCommunity.Values.DefaultIfEmpty(0).Max();
    private int MaxByCategory => _figures.OpenByCategoryGroup.Values.DefaultIfEmpty(0).Max();
    private int ClosedTotal => _figures.ClosedAtLevel.Values.Sum();

    /// <summary>The community whose figures this post is shown (null: the street).</summary>
    private Domain.Organisation.CommunityId? Shown => Domain.Access.CaseScope.WallFor(Actor.Post, Requested);

    protected override void OnParametersSet()
    {
        var shown = Shown;
        _figures = Projection.Figures(shown);
        if (shown != Requested) Navigation.NavigateTo($"/wall/community/{shown}", replace: true);
    }

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive) return;
        var culture = new CircuitCulture();
        _throttle = new RenderThrottle(() => InvokeAsync(() => culture.RunAsync(() =>
        {
            _figures = Projection.Figures(Shown);
            StateHasChanged();
            return Task.CompletedTask;
        })), RenderInterval, Clock);
        Projection.Changed += _throttle.Notify;
    }

    public void Dispose()
    {
        if (_throttle is null) return;
        Projection.Changed -= _throttle.Notify;
        _throttle.Dispose();
    }

    private static string Share(int count, int total) =>
        (total == 0 ? 0 : count / (double)total).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Percent(int count, int total) =>
        total == 0 ? "—" : (count / (double)total).ToString("P0", CultureInfo.CurrentCulture);
}
