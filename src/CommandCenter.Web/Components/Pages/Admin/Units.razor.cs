using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The street's units — added, renamed — and the courtyards they serve from which day; a property company replaced from a date (物业更换).
/// </summary>
public sealed partial class Units
{
    private IReadOnlyList<UnitRow> _units = [];
    private UnitId? _editing;
    private UnitForm _form = new();
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

    private void Reload() => _units = Administration.List();

    private void Edit(UnitRow unit) => (_editing, _form) = (unit.Id, new UnitForm { Name = unit.Name, Kind = unit.Kind, CommunityId = unit.CommunityId });

    private void New() => (_editing, _form) = (null, new UnitForm());

    private Task SaveAsync() => RunAsync(
        () => Administration.SaveAsync(_editing, new UnitInput(_form.Name, _form.Kind, _form.Kind == UnitKind.CommunityCommittee ? _form.CommunityId : null), By),
        () =>
        {
            New();
            Reload();
            return Task.CompletedTask;
        });

    private Task ReplaceAsync() => RunAsync(
        () => Administration.ReplaceAsync(
            RequestField.Required(_courtyardId, "courtyardId"), RequestField.Required(_unitId, "unitId"),
            DateOnly.FromDateTime(RequestField.Required(_from, "from")), By),
        () =>
        {
            Reload();
            return Task.CompletedTask;
        });

    private sealed class UnitForm
    {
        public string? Name { get; set; }
        public UnitKind Kind { get; set; } = UnitKind.PropertyCompany;
        public CommunityId? CommunityId { get; set; }
    }
}
