using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>Where a case goes when its level runs out of time, and whether the timer dispatches it there at once.</summary>
public sealed partial class Routing
{
    private IReadOnlyList<RoutingRule> _rules = [];
    private string? _categoryCode;
    private HandlingLevel _level = HandlingLevel.Street;
    private UnitId? _unitId;
    private bool _autoDispatch = true;

    [Inject] public required DeadlineAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _rules = await Administration.RoutingRulesAsync();

    private void LevelChanged(HandlingLevel level) => (_level, _unitId) = (level, null);

    private Task SetAsync() => RunAsync(() => Administration.SetRoutingRuleAsync(By, new RoutingRuleInput(_categoryCode, _level, _unitId, _autoDispatch)), ReloadAsync);

    private Task DeleteAsync(RoutingRule rule) => RunAsync(() => Administration.DeleteRoutingRuleAsync(By, rule.Id), ReloadAsync);


    private string CategoryText(string? code) =>
        code is null ? L["Admin.Any"] : Directory.Category(code) is { } category ? $"{code} {OrganisationDirectory.Localised(category)}" : code;

    private string UnitText(UnitId? unitId) => unitId is { } id ? Directory.UnitName(id) ?? "" : L["Admin.LocalUnit"];
}
