using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// The places as the administrator writes them, checked: a name of at most <see cref="MaxNameLength"/>
/// characters; a courtyard's kind, its homes, a map point on the earth and an outline around it; a street's case-number
/// code. Whether the community, grid or
/// courtyard above exists is the caller's to check.
/// </summary>
public static class PlaceRules
{
    public const int MaxNameLength = 64;
    public const int MaxHomes = 100_000;

    /// <summary>Another street of the district: its name and its case-number code (two to four letters, one per street).</summary>
    public static Street Street(StreetId id, DistrictId districtId, string? name, string? code) =>
        new() { Id = id, DistrictId = districtId, Name = PlainText.Required(name, "name", MaxNameLength), Code = FirstSetup.CheckedStreetCode(code, "streetCode") };

    public static Community Community(CommunityId id, StreetId streetId, string? name) =>
        new() { Id = id, StreetId = streetId, Name = PlainText.Required(name, "name", MaxNameLength) };

    public static Grid Grid(GridId id, CommunityId communityId, string? name) =>
        new() { Id = id, CommunityId = communityId, Name = PlainText.Required(name, "name", MaxNameLength) };

    public static Building Building(BuildingId id, CourtyardId courtyardId, string? name) =>
        new() { Id = id, CourtyardId = courtyardId, Name = PlainText.Required(name, "name", BuildingNameLength) };

    /// <summary>Buildings are named shortly on the phone's pickers (1号楼, 3单元).</summary>
    public const int BuildingNameLength = 32;

    public static Courtyard Courtyard(
        CourtyardId id, Grid grid, string? name, CourtyardKind kind, int homes, double latitude, double longitude,
        IReadOnlyList<double[]?>? outline = null)
    {
        if (homes is < 0 or > MaxHomes)
            throw new DomainValidationException("HomesOutOfRange", $"homes must be between 0 and {MaxHomes}.", "homes");
        if (!(latitude is >= -90 and <= 90) || !(longitude is >= -180 and <= 180))
            throw new DomainValidationException("LocationOutOfRange", "The map point is not a valid latitude/longitude.", "location");
        return new Courtyard
        {
            Id = id, GridId = grid.Id, CommunityId = grid.CommunityId, Name = PlainText.Required(name, "name", MaxNameLength),
            Kind = KnownValue.Of(kind, "kind"), Homes = homes, Latitude = latitude, Longitude = longitude,
            Outline = CourtyardOutline.Of(outline, latitude, longitude),
        };
    }
}
