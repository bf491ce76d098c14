using CommandCenter.Web.Components.Controls;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Phone;

/// <summary>
/// 督办 as it happens: the moment the command center urges a case the handler's unit holds, a
/// banner names it, whichever phone page is open, until the handler dismisses it or the 督办 ends
/// (answered, the case left the unit, done).
/// </summary>
public sealed partial class SupervisionBanner : IDisposable
{
    /// <summary>The newest few are enough to act on; the task list marks every supervised case anyway.</summary>
    private const int Shown = 3;

    private List<CaseEvent> _urged = [];
    private LiveCaseFeed? _live;

    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    /// <summary>The handler's post: urges about cases its unit holds within its scope.</summary>
    [Parameter, EditorRequired] public required Post Post { get; set; }

    protected override void OnInitialized()
    {
        // Only a live circuit listens: a prerendered page is gone before any event could reach it.
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, IsUrgeForMeOrEnded, ShowAsync, InvokeAsync, LiveCaseFeed.PhoneInterval, Clock);
    }

    private bool IsUrgeForMeOrEnded(CaseEvent e) =>
        e.Type == CaseEventType.Supervised && CaseScope.Holds(Post, e.UnitId, e.CourtyardId)
        || !e.IsSupervised && _urged.Any(u => u.CaseId == e.CaseId);

    private Task ShowAsync(IReadOnlyList<CaseEvent> events)
    {
        var urged = _urged;
        foreach (var e in events)
        {
            var others = urged.Where(u => u.CaseId != e.CaseId);
            urged = e.IsSupervised ? [e, .. others] : [.. others];
        }
        _urged = [.. urged.Take(Shown)];
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Dismiss() => _urged = [];

    public void Dispose() => _live?.Dispose();
}
