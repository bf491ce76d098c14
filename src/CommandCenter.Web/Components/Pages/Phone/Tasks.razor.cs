using CommandCenter.Web.Components.Controls;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Phone;

/// <summary>
/// "My tasks": what the handler's unit holds within their area, the nearest deadline first,
/// with the time left, and the parts of cross-agency cases it co-handles; it follows the unit's
/// events so a new dispatch or a 督办 shows at once. At /m/done, what the unit finished lately.
/// </summary>
public sealed partial class Tasks : IDisposable
{
    private Post _post = null!;
    private IReadOnlyList<HandlerTask>? _tasks;
    private LiveCaseFeed? _live;
    private TimeStatus? _time;
    private IReadOnlyList<DepartmentTicket> _parts = [];
    private IReadOnlyList<FinishedTask>? _finished;

    /// <summary>How far back the finished list reaches.</summary>
    private const int FinishedDays = 30;

    /// <summary>The chips: all tasks, then those whose clock is 预警, then 超时 (sign-for or handling).</summary>
    private static readonly TimeStatus?[] TimeFilters = [null, TimeStatus.Warning, TimeStatus.Overdue];

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private bool ShowsFinished => Navigation.ToBaseRelativePath(Navigation.Uri).StartsWith("m/done", StringComparison.OrdinalIgnoreCase);
    [Inject] public required Infrastructure.Notices.NoticeAdministration Notices { get; init; }

    /// <summary>What this staff member was told (dispatches, 催办, 督办), newest first.</summary>
    private IReadOnlyList<Infrastructure.Notices.NoticeView> _notices = [];

    protected override async Task OnInitializedAsync()
    {
        _post = Actor.Post.Via(ActSource.Phone);
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, Concerns, _ => ReloadAsync(), InvokeAsync, LiveCaseFeed.PhoneInterval, Clock);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (ShowsFinished)
        {
            _finished = await Queries.FinishedTasksAsync(_post, Now.AddDays(-FinishedDays));
            return;
        }
        _tasks = await Queries.TasksAsync(_post);
        _parts = _post.UnitId is { } unit
            ? [.. (await Queries.DepartmentTicketsAsync(_post, unit)).Where(t => t.Role == PartRole.CoHandler && t.PartStatus is PartStatus.ToSign or PartStatus.Open)]
            : [];
        await LoadNoticesAsync();
    }

    private async Task LoadNoticesAsync() =>
        _notices = _post.StaffId is { } staff ? await Notices.OfStaffAsync(staff) : [];

    /// <summary>The tasks the chosen chip lets through, by their status on the screen's clock.</summary>
    private IEnumerable<HandlerTask> Shown => _time is { } time ? (_tasks ?? []).Where(t => t.StatusAt(Now) == time) : _tasks ?? [];

    private int Count(TimeStatus status) => (_tasks ?? []).Count(t => t.StatusAt(Now) == status);

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Events of the unit (a dispatch, a 督办) or of a case on the list (taken elsewhere, escalated away).</summary>
    private bool Concerns(CaseEvent e) =>
        CaseScope.Holds(_post, e.UnitId, e.CourtyardId) || _post.UnitId is { } unit && e.Concerns(unit)
        || (_tasks ?? []).Any(t => t.Case.Id == e.CaseId) || _parts.Any(p => p.Case.Id == e.CaseId);

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    public void Dispose() => _live?.Dispose();
}
