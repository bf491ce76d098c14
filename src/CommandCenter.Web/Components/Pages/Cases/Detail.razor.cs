using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// One case on the console: what, where, deadlines, parts and timeline, and the commands the
/// case and the post allow now. Follows the case live: a change made elsewhere (phone, API,
/// timer, another dispatcher) shows within a second; during a command dialog the page says who
/// changed the case, and the command then meets the version check.
/// </summary>
public sealed partial class Detail : IDisposable
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    private CommandCatalog _catalog = null!;
    private LiveCaseFeed? _live;
    private CaseDetail? _detail;
    private bool _loaded;
    private bool _busy;
    private Reporter? _revealed;
    private CasePhotos _photos = new([]);

    [Parameter] public Guid Id { get; set; }

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required PersonalDataReveal Reveal { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required QueueLocation Location { get; init; }
    [Inject] public required DeadlineRulesProvider Rules { get; init; }
    [Inject] public required Infrastructure.Notices.NoticeAdministration Notices { get; init; }

    protected override void OnInitialized()
    {
        _catalog = new CommandCatalog(Directory, Queries, L, Actor.Post, Rules.Routing);
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, e => e.CaseId == Id, OnChangedAsync, InvokeAsync, LiveInterval, Clock);
    }

    private async Task OnChangedAsync(IReadOnlyList<CaseEvent> events)
    {
        var seen = _detail?.Timeline.LastOrDefault()?.Sequence ?? 0;
        await ReloadAsync();
        // The dialog stays open: the user finishes or cancels, told who changed the case meanwhile; their own
        // command, whose event may arrive while its dialog is still closing, is no news to them.
        if (_busy && _detail?.Timeline.LastOrDefault(e => e.Sequence > seen && !IsMine(e)) is { } other)
            Snackbar.Add(L["Detail.ChangedElsewhere", other.ActorName, L.Enum(other.Source), L.Enum(other.Type)], Severity.Warning);
        StateHasChanged();
    }

    private bool IsMine(TimelineEntry e) => Actor.Post.StaffId is { } me && e.ActorStaffId == me;

    private IReadOnlyList<Infrastructure.Notices.NoticeView> _notices = [];

    protected override Task OnParametersSetAsync()
    {
        _revealed = null;
        return ReloadAsync();
    }

    /// <summary>Unmasks this case's reporter for this view only; the reveal is audited with who and when.</summary>
    private async Task RevealAsync() => _revealed = await Reveal.RevealAsync(Actor.Post, Id);

    private async Task ReloadAsync()
    {
        _detail = await Queries.DetailAsync(Actor.Post, Id);
        _photos = CasePhotos.Of(_detail?.Timeline ?? []);
        // Delivery state only of a case this post may see.
        _notices = _detail is null ? [] : await Notices.OfCaseAsync(Id);
        _loaded = true;
    }

    private Task RunAsync(CaseCommand command) => ShowAsync(shown => _catalog.FormForAsync(command, shown));

    private Task AcceptAndDispatchAsync() =>
        ShowAsync(shown => Task.FromResult(_catalog.AcceptAndDispatch(shown, Rules.Rules, Clock.GetUtcNow().UtcDateTime)));

    private async Task ShowAsync(Func<CaseDetail, Task<CommandForm>> formFor)
    {
        if (_detail is not { } shown) return;
        _busy = true;
        try
        {
            // The version the user saw travels with the command: if anyone changed the case since, it is refused.
            await CommandDialog.ShowAsync(Dialogs, shown.Number, await formFor(shown),
                steps => Cases.ExecuteAsync(shown.Id, steps, shown.Version, Actor.Post), _photos);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task OpenPhotoAsync(CasePhoto photo) => PhotoViewer.ShowAsync(Dialogs, _photos, _photos.IndexOf(photo));

    private Task CompareAsync() => PhotoViewer.ShowAsync(Dialogs, _photos, compare: true);

    public void Dispose() => _live?.Dispose();

    private static Color PartColor(PartStatus status) => status switch
    {
        PartStatus.Closed => Color.Success,
        PartStatus.Returned => Color.Default,
        _ => Color.Warning,
    };
}
