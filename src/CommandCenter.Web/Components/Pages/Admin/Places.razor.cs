using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>The street's courtyards: a row opens in the form; saved as a new courtyard or as the one opened. Communities, grids and buildings through the API.</summary>
public sealed partial class Places
{
    private CourtyardId? _editing;
    private CourtyardForm _form = new();

    [Inject] public required PlaceAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    private void Edit(Courtyard courtyard)
    {
        _editing = courtyard.Id;
        _form = new CourtyardForm
        {
            Name = courtyard.Name, GridId = courtyard.GridId, Kind = courtyard.Kind, Homes = courtyard.Homes,
            Latitude = courtyard.Latitude, Longitude = courtyard.Longitude,
        };
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var f = _form;
        await Administration.SaveCourtyardAsync(_editing, new CourtyardInput(f.Name, f.GridId, f.Kind, f.Homes, f.Latitude, f.Longitude), By);
        (_editing, _form) = (null, new CourtyardForm());
    }, () => Task.CompletedTask);

    private sealed class CourtyardForm
    {
        public string? Name { get; set; }
        public int? GridId { get; set; }
        public CourtyardKind Kind { get; set; } = CourtyardKind.Old;
        public int? Homes { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
    }
}
