using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Liaison;

/// <summary>
/// A district department's desk (部门工作台): the cases it leads and the cross-agency parts it
/// holds, where its liaison closes the department's own part. Follows the department's cases live.
/// </summary>
public sealed partial class Workspace : IDisposable
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);
    private LiveCaseFeed? _live;
    private UnitId? _unitId;
    private IReadOnlyList<DepartmentTicket>? _tickets;
    private bool _busy;

    [Inject] public required CaseQueries Queries { get; init; }
    [Inject] public required CaseService Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ICaseEventStream Events { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    /// <summary>A liaison works for one department; the dispatch desk may look at any.</summary>
    private IEnumerable<HandlingUnit> Departments => Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment
        && (Actor.Post.Scope != ScopeKind.Department || u.Id == Actor.Post.UnitId));

    protected override Task OnInitializedAsync()
    {
        _unitId = Actor.Post.UnitId is { } own && Directory.Unit(own)?.Kind == UnitKind.DistrictDepartment
            ? own
            : Departments.FirstOrDefault()?.Id;
        if (RendererInfo.IsInteractive) _live = LiveCaseFeed.Follow(Events, Concerns, _ => ReloadAsync(), InvokeAsync, LiveInterval, Clock);
        return LoadAsync();
    }

    /// <summary>A case shown here, or one the department now holds; parts a department co-handles change only with their case.</summary>
    private bool Concerns(CaseEvent e) => _unitId is { } unit && e.Concerns(unit) || _tickets?.Any(t => t.Case.Id == e.CaseId) == true;

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private Task SelectDepartmentAsync(UnitId? unitId)
    {
        _unitId = unitId;
        return LoadAsync();
    }

    private async Task LoadAsync() =>
        _tickets = _unitId is { } unit ? await Queries.DepartmentTicketsAsync(Actor.Post, unit) : [];

    /// <summary>The same rule the command is checked by: its own part, or any as the dispatch desk.</summary>
    private bool MayClosePart => _unitId is { } unit && CommandRights.MayClosePartOf(Actor.Post, unit);

    private async Task ClosePartAsync(DepartmentTicket ticket)
    {
        if (_unitId is not { } unit) return;
        _busy = true;
        try
        {
            await CommandDialog.ShowAsync(Dialogs, ticket.Case.Number, CommandCatalog.ClosePartOf(Actor.Post, unit, Directory.Unit(unit)?.Name ?? ""),
                request => Cases.ExecuteAsync(ticket.Case.Id, request with { ExpectedVersion = ticket.Case.Version }, Actor.Post));
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _live?.Dispose();
}
