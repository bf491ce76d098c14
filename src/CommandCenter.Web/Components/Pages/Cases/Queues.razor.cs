using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// The dispatcher's desk: a queue per state with its count, filtered, searched, sorted and paged
/// by the database, a page at a time. Counts and the page shown follow committed changes by
/// themselves, at most once a second: each refresh is the counts and a page (two queries; one per state more when the
/// filters match past <see cref="CaseQueries.CountCap"/> without a search), however many events came.
/// Rows that arrived or changed since the user last opened the tab are marked; the density is the user's choice.
/// </summary>
public sealed partial class Queues : IDisposable
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);
    /// <summary>What a dispatcher looks for against the clock: the late first, then those about to be.</summary>
    private static readonly TimeStatus[] TimeFilters = [TimeStatus.Overdue, TimeStatus.Warning, TimeStatus.OnTime];
    private LiveCaseFeed? _live;

    private MudDataGrid<CaseListItem> _grid = null!;
    private QueueView _view = QueueView.Default;
    private IReadOnlyDictionary<QueueTab, CappedCount> _counts = new Dictionary<QueueTab, CappedCount>();
    /// <summary>The filters <see cref="_counts"/> were counted for.</summary>
    private CaseQuery? _countedFor;
    /// <summary>Whether the grid's total is a lower bound: counting stopped at the cap (<see cref="CaseQueries.CountCap"/>, a search's lower).</summary>
    private bool _totalIsLowerBound;
    private bool _compact;
    /// <summary>When the user last opened the tab shown, before this time; null while prerendering (storage is the browser's).</summary>
    private DateTime? _lookedAtUtc;

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required Session.CurrentActor Actor { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required Session.QueueLocation Location { get; init; }
    [Inject] public required Session.DeskMemory Memory { get; init; }

    private IEnumerable<Category> Groups => Directory.Categories.Where(c => !c.IsItem);

    protected override Task OnInitializedAsync()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        _view = QueueView.Parse(query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));
        Location.Uri = Navigation.Uri;
        return CountAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive) return;
        // After the first render, when the grid exists. Which events touch this post's queues is for
        // the database to say: any commit triggers one paced refresh.
        _live = LiveCaseFeed.Follow(Events, _ => true, _ => RefreshAsync(), InvokeAsync, LiveInterval, Clock);
        _compact = await Memory.IsCompactAsync();
        await LookAtTabAsync();
        StateHasChanged();
    }

    private async Task LookAtTabAsync() => _lookedAtUtc = await Memory.LookAtAsync(_view.Tab.Key, Clock.GetUtcNow().UtcDateTime);

    private bool IsNew(CaseListItem item) => _lookedAtUtc is { } looked && item.LastChangedAtUtc > looked;

    private string RowClass(CaseListItem item, int index) => IsNew(item) ? "cc-clickable-row cc-row-new" : "cc-clickable-row";

    private async Task ToggleDensityAsync()
    {
        _compact = !_compact;
        await Memory.SetCompactAsync(_compact);
    }

    private async Task RefreshAsync()
    {
        var shownAtUtc = Clock.GetUtcNow().UtcDateTime;
        await ReloadAsync();
        StateHasChanged();
        // Rows that came in while the tab is open stay marked on screen, and are not new at the next look.
        if (_lookedAtUtc is not null) await Memory.SawAsync(_view.Tab.Key, shownAtUtc);
    }

    public void Dispose() => _live?.Dispose();

    private async Task<GridData<CaseListItem>> LoadAsync(GridState<CaseListItem> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        Show(_view with
        {
            Filter = _view.Filter with
            {
                Sort = SortOf(sort?.SortBy),
                Descending = sort?.Descending ?? true,
                Page = state.Page,
                PageSize = state.PageSize,
            },
        });
        var page = await Queries.QueueAsync(Actor.Post, Query(_view.Tab) with
        {
            Sort = _view.Filter.Sort, Descending = _view.Filter.Descending, Page = _view.Filter.Page, PageSize = _view.Filter.PageSize,
        }, cancellationToken);
        // The tab's own count, when it is exact, is the better total: tabs are counted state by state past the cap.
        var total = page.TotalIsLowerBound && _countedFor == Query(QueueTab.All[^1])
            && _counts.TryGetValue(_view.Tab, out var tab) && !tab.IsLowerBound && tab.Value >= page.TotalCount
            ? new CappedCount(tab.Value, false)
            : new CappedCount(page.TotalCount, page.TotalIsLowerBound);
        if (_totalIsLowerBound != total.IsLowerBound)
        {
            _totalIsLowerBound = total.IsLowerBound;
            StateHasChanged();
        }
        return new GridData<CaseListItem> { Items = page.Items, TotalItems = total.Value };
    }

    /// <summary>The tab counts follow the filters, so each tab says what clicking it would show.</summary>
    private async Task CountAsync()
    {
        var filters = Query(QueueTab.All[^1]);
        var byState = await Queries.CountByStateAsync(Actor.Post, filters);
        _countedFor = filters;
        _counts = QueueTab.All.ToDictionary(tab => tab, tab => CappedCount.Sum(byState.Where(c => tab.Shows(c.Key)).Select(c => c.Value)));
    }

    /// <summary>The filters shown, for <paramref name="tab"/>'s states; paging and sort are the grid's.</summary>
    private CaseQuery Query(QueueTab tab) => new()
    {
        States = tab.States,
        Search = _view.Filter.Search,
        CommunityId = _view.Filter.CommunityId,
        Level = _view.Filter.Level,
        Urgency = _view.Filter.Urgency,
        Time = _view.Filter.Time,
        CategoryCode = _view.Filter.CategoryCode,
    };

    /// <summary>
    /// Puts what is shown into the address bar, replacing the entry: back then leaves the queue rather than stepping
    /// through each filter, and a case opened from here comes back to this.
    /// </summary>
    private void Show(QueueView view)
    {
        _view = view;
        var uri = Navigation.GetUriWithQueryParameters(Navigation.ToAbsoluteUri(Session.QueueLocation.Start).ToString(), view.ToParameters());
        Location.Uri = uri;
        if (RendererInfo.IsInteractive && uri != Navigation.Uri) Navigation.NavigateTo(uri, replace: true);
    }

    /// <summary>The column the URL sorts by starts sorted; the grid reports later changes to <see cref="LoadAsync"/>.</summary>
    private SortDirection InitialDirection(CaseSort column) =>
        _view.Filter.Sort != column ? SortDirection.None : _view.Filter.Descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>The tab and filters on screen as the export's query string: the download holds what the queue shows, unpaged.</summary>
    private string ExportLink(string extension)
    {
        var query = Query(_view.Tab);
        var parameters = (query.States ?? []).Select(s => $"states={s}")
            .Concat(new (string Name, object? Value)[]
                {
                    ("search", query.Search), ("communityId", query.CommunityId), ("level", query.Level), ("urgency", query.Urgency),
                    ("time", query.Time), ("categoryCode", query.CategoryCode),
                }
                .Where(p => p.Value is not null && p.Value is not "")
                .Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
        return $"/api/exports/cases.{extension}?{string.Join('&', parameters)}";
    }

    private static CaseSort SortOf(string? column) => column switch
    {
        nameof(CaseListItem.Number) => CaseSort.Number,
        nameof(CaseListItem.State) => CaseSort.State,
        nameof(CaseListItem.Urgency) => CaseSort.Urgency,
        nameof(CaseListItem.HandlingDeadlineUtc) => CaseSort.HandlingDeadline,
        _ => CaseSort.ReportedAt,
    };

    /// <summary>The tab's count as a number for tests and scripts ("…" while counting).</summary>
    private string CountValue(QueueTab tab) =>
        _counts.TryGetValue(tab, out var count) ? count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "…";

    private bool IsAtLeast(QueueTab tab) => _counts.TryGetValue(tab, out var count) && count.IsLowerBound;

    /// <summary>The tab's count as read: 10,000+ when counting stopped there.</summary>
    private string CountText(QueueTab tab) =>
        !_counts.TryGetValue(tab, out var count) ? "…"
        : count.IsLowerBound ? string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Queue.AtLeast"], count.Value)
        : count.Value.ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    private string CategoryText(string? code) => code is null ? "" : Directory.CategoryName(code);

    private async Task SelectTabAsync(QueueTab? tab)
    {
        if (tab is null || tab == _view.Tab) return;
        Show(_view with { Tab = tab });
        await LookAtTabAsync();
        await _grid.ReloadServerData();
    }

    private Task SearchAsync(string? text) => FilterAsync(f => f with { Search = text });

    private async Task FilterAsync(Func<CaseQuery, CaseQuery> change)
    {
        Show(_view with { Filter = change(_view.Filter) });
        await ReloadAsync();
    }

    /// <summary>The counts, then the page: the grid's total may come from them.</summary>
    private async Task ReloadAsync()
    {
        await CountAsync();
        await _grid.ReloadServerData();
    }
}
