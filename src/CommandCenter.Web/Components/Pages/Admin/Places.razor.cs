using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>
/// The district's places: streets, communities, grids and buildings each picked (or new) and named in a small form; the
/// courtyards in a table whose row opens the courtyard form, its outline drawn on a map of its neighbourhood or written as
/// "lng,lat; lng,lat; …". Each saved as new or as the one picked.
/// </summary>
public sealed partial class Places
{
    private CourtyardId? _editing;
    private CourtyardForm _form = new();
    private PlaceForm _street = new();
    private string? _streetCode;
    private PlaceForm _community = new();
    private PlaceForm _grid = new();
    private PlaceForm _building = new();

    [Inject] public required PlaceAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    private void Edit(Courtyard courtyard)
    {
        _editing = courtyard.Id;
        _form = new CourtyardForm
        {
            Name = courtyard.Name, GridId = courtyard.GridId.Value, Kind = courtyard.Kind, Homes = courtyard.Homes,
            Latitude = courtyard.Latitude, Longitude = courtyard.Longitude,
            Outline = courtyard.Outline is { } outline ? OutlineText.Format(outline) : null,
        };
    }

    /// <summary>The form's map point once both halves are given: what the outline editor centres on and draws.</summary>
    private MapPoint? FormPoint => _form is { Latitude: { } latitude, Longitude: { } longitude } ? new MapPoint(longitude, latitude) : null;

    private void MovePoint(MapPoint point) => (_form.Longitude, _form.Latitude) = (point.Longitude, point.Latitude);

    /// <summary>
    /// The courtyards drawn around the one in the form: those of its street (a new one's by its grid), itself left out;
    /// every street's while the street is not known yet.
    /// </summary>
    private IReadOnlyCollection<Courtyard> Neighbours
    {
        get
        {
            var street = _editing is { } id && Directory.Courtyard(id) is { } courtyard ? Directory.StreetOf(courtyard)?.Id
                : _form.GridId is { } grid && Directory.Grid(new GridId(grid)) is { } known ? Directory.Community(known.CommunityId)?.StreetId
                : null;
            return [.. Directory.Courtyards.Where(c => c.Id != _editing && (street is null || Directory.StreetOf(c)?.Id == street))];
        }
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        var f = _form;
        await Administration.SaveCourtyardAsync(_editing, new CourtyardInput(f.Name, f.GridId is { } grid ? new GridId(grid) : null, f.Kind, f.Homes, f.Latitude, f.Longitude, OutlineText.Parse(f.Outline)), By);
        (_editing, _form) = (null, new CourtyardForm());
    }, () => Task.CompletedTask);

    private void PickStreet(int id) =>
        (_street, _streetCode) = Directory.Street(new StreetId(id)) is { } street ? (new PlaceForm { Id = id, Name = street.Name }, street.Code) : (new PlaceForm(), null);

    private Task SaveStreetAsync() => RunAsync(async () =>
    {
        await Administration.SaveStreetAsync(NewOrPicked(_street) is { } id ? new StreetId(id) : null, _street.Name, _streetCode, By);
        (_street, _streetCode) = (new PlaceForm(), null);
    }, () => Task.CompletedTask);

    private void PickCommunity(int id) => _community = new PlaceForm { Id = id, Name = Directory.Community(new CommunityId(id))?.Name };

    private void PickGrid(int id) =>
        _grid = Directory.Grid(new GridId(id)) is { } grid ? new PlaceForm { Id = id, ParentId = grid.CommunityId.Value, Name = grid.Name } : new PlaceForm { ParentId = _grid.ParentId };

    private void PickCourtyard(int id) => _building = new PlaceForm { ParentId = id };

    private void PickBuilding(int id) => _building = new PlaceForm { Id = id, ParentId = _building.ParentId, Name = Directory.Building(new BuildingId(id))?.Name };

    private Task SaveCommunityAsync() => RunAsync(async () =>
    {
        await Administration.SaveCommunityAsync(NewOrPicked(_community) is { } id ? new CommunityId(id) : null, _community.Name, By,
            streetId: _community.ParentId == 0 ? null : new StreetId(_community.ParentId));
        _community = new PlaceForm();
    }, () => Task.CompletedTask);

    private Task SaveGridAsync() => RunAsync(async () =>
    {
        await Administration.SaveGridAsync(NewOrPicked(_grid) is { } id ? new GridId(id) : null, new CommunityId(_grid.ParentId), _grid.Name, By);
        _grid = new PlaceForm { ParentId = _grid.ParentId };
    }, () => Task.CompletedTask);

    private Task SaveBuildingAsync() => RunAsync(async () =>
    {
        await Administration.SaveBuildingAsync(NewOrPicked(_building) is { } id ? new BuildingId(id) : null, new CourtyardId(_building.ParentId), _building.Name, By);
        _building = new PlaceForm { ParentId = _building.ParentId };
    }, () => Task.CompletedTask);

    /// <summary>Null adds a place: the pickers' first item, 0, stands for a new one.</summary>
    private static int? NewOrPicked(PlaceForm form) => form.Id == 0 ? null : form.Id;

    /// <summary>A community, grid or building as its form holds it: which one (0 for new), the place above it, its name.</summary>
    private sealed class PlaceForm
    {
        public int Id { get; set; }
        public int ParentId { get; set; }
        public string? Name { get; set; }
    }

    private sealed class CourtyardForm
    {
        public string? Name { get; set; }
        public int? GridId { get; set; }
        public CourtyardKind Kind { get; set; } = CourtyardKind.Old;
        public int? Homes { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Outline { get; set; }
    }
}
