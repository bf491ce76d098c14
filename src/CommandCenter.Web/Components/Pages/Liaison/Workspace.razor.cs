using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
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

    /// <summary>A liaison works for one department or street office (both co-handle); the dispatch desk may look at any.</summary>
    private IEnumerable<HandlingUnit> Departments => Directory.Units.Where(u => CoHandles(u.Kind)
        && (Actor.Post.Scope != ScopeKind.Department || u.Id == Actor.Post.UnitId));

    private static bool CoHandles(UnitKind? kind) => kind is UnitKind.DistrictDepartment or UnitKind.StreetOffice;

    protected override Task OnInitializedAsync()
    {
        _unitId = Actor.Post.UnitId is { } own && CoHandles(Directory.Unit(own)?.Kind)
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

    /// <summary>
    /// The part commands offered on a ticket, by the same rule the command is checked by: the unit signs, reports on,
    /// returns and closes its own part; the dispatch desk may return or close one on its behalf.
    /// </summary>
    private IEnumerable<CaseCommand> PartCommands(DepartmentTicket ticket)
    {
        if (_unitId is not { } unit || ticket.Role != PartRole.CoHandler) return [];
        CaseCommand[] offered = ticket.PartStatus switch
        {
            PartStatus.ToSign => [CaseCommand.SignPart, CaseCommand.ReturnPart],
            PartStatus.Open => [CaseCommand.AddPartProgress, CaseCommand.ReturnPart, CaseCommand.ClosePart],
            _ => [],
        };
        return offered.Where(command => CommandRights.MayActOnPartOf(Actor.Post, command, unit));
    }

    private async Task PartCommandAsync(DepartmentTicket ticket, CaseCommand command)
    {
        if (_unitId is not { } unit) return;
        _busy = true;
        try
        {
            await CommandDialog.ShowAsync(Dialogs, ticket.Case.Number, CommandCatalog.PartFormOf(command, Actor.Post, unit, Directory.Unit(unit)?.Name ?? ""),
                steps => Cases.ExecuteAsync(ticket.Case.Id, steps, ticket.Case.Version, Actor.Post));
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _live?.Dispose();
}
