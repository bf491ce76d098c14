using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>The street's units and the courtyards they serve from which day; a property company replaced from a date (物业更换).</summary>
public sealed partial class Units
{
    private IReadOnlyList<UnitRow> _units = [];
    private CourtyardId? _courtyardId;
    private UnitId? _unitId;
    private DateTime? _from;

    [Inject] public required UnitAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override void OnInitialized()
    {
        _from = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).ToDateTime(TimeOnly.MinValue);
        Reload();
    }

    private void Reload() => _units = [.. Administration.List().Where(u => u.Level == HandlingLevel.Courtyard)];

    private Task ReplaceAsync() => RunAsync(
        () => Administration.ReplaceAsync(
            RequestField.Required(_courtyardId, "courtyardId"), RequestField.Required(_unitId, "unitId"),
            DateOnly.FromDateTime(RequestField.Required(_from, "from")), By),
        () =>
        {
            Reload();
            return Task.CompletedTask;
        });
}
