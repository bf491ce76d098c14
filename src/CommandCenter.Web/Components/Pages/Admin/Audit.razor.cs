using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The audit log, newest first, one page at a time from the server: who did what, in which post
/// and through which source, filtered by actor, unit, case, source and China-time dates.
/// </summary>
public sealed partial class Audit
{
    /// <summary>Every source an act can come through, so each of the log's values can be picked.</summary>
    private static readonly IReadOnlyList<ActSource> Sources = Enum.GetValues<ActSource>();
    private static readonly int[] PageSizes = [25, 50, 100, AuditQuery.MaxPageSize];

    private MudTable<AuditRow> _table = null!;
    private string? _actor;
    private UnitId? _unitId;
    private string? _caseNumber;
    private Guid? _caseId;
    private ActSource? _source;
    private DateTime? _from;
    private DateTime? _to;

    [Inject] public required AuditLog Log { get; init; }
    [Inject] public required CaseQueries Cases { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }

    /// <summary>A number typed that names no case: the log shows nothing rather than everything.</summary>
    private bool UnknownCase => !string.IsNullOrEmpty(_caseNumber) && _caseId is null;

    private async Task<TableData<AuditRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (UnknownCase) return new TableData<AuditRow> { Items = [], TotalItems = 0 };
        var page = await Log.QueryWithCaseNumbersAsync(QueryFor(state), cancellationToken);
        return new TableData<AuditRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    /// <summary>The filters as the log asks for them: dates are whole China-time days, the "to" day included.</summary>
    private AuditQuery QueryFor(TableState state) => new()
    {
        Actor = _actor,
        UnitId = _unitId,
        CaseId = _caseId,
        Source = _source,
        FromUtc = _from is { } from ? ChinaTimeText.ToUtc(from, TimeSpan.Zero) : null,
        ToUtc = _to is { } to ? ChinaTimeText.ToUtc(to.AddDays(1), TimeSpan.Zero) : null,
        Page = state.Page,
        PageSize = state.PageSize,
    };

    private async Task CaseNumberChangedAsync(string? number)
    {
        _caseNumber = number?.Trim();
        _caseId = string.IsNullOrEmpty(_caseNumber) ? null : await Cases.FindByNumberAsync(Actor.Post, _caseNumber);
        await _table.ReloadServerData();
    }

    private async Task FilterAsync(Action change)
    {
        change();
        await _table.ReloadServerData();
    }

    /// <summary>Case commands are named as on a case's timeline; the log's own acts have their own names.</summary>
    private string ActionText(string action) =>
        Enum.TryParse<CaseEventType>(action, out var type) ? L.Enum(type) : L.Or($"AuditAction.{action}", action);

    private string SourceText(ActSource? source) => source is { } value ? L.Enum(value) : "";
}
