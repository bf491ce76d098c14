namespace CommandCenter.Domain.Organisation;

// District → Street → Community → Grid → Courtyard → Building. Plain reference data:
// the case pipeline only reads it, so these types carry no behaviour of their own.

public sealed class District
{
    public DistrictId Id { get; init; }
    public required string Name { get; init; }
}

public sealed class Street
{
    public StreetId Id { get; init; }
    public DistrictId DistrictId { get; init; }
    public required string Name { get; init; }
    /// <summary>Prefix of the street's case numbers, e.g. CT in CT-20261122-0042.</summary>
    public required string Code { get; init; }
    /// <summary>一网评效 setting: 默认满意 (auto-closed, nobody rated) counts as satisfied in 满意率. Off by default.</summary>
    public bool DefaultSatisfiedCounts { get; private set; }

    public void CountDefaultSatisfied(bool counts) => DefaultSatisfiedCounts = counts;
}

public sealed class Community
{
    public CommunityId Id { get; init; }
    public StreetId StreetId { get; init; }
    public required string Name { get; init; }
}

public sealed class Grid
{
    public GridId Id { get; init; }
    public CommunityId CommunityId { get; init; }
    public required string Name { get; init; }
}

public enum CourtyardKind
{
    Resettlement,
    Old,
    Commercial,
    Abandoned,
}

public sealed class Courtyard
{
    public CourtyardId Id { get; init; }
    public GridId GridId { get; init; }
    public CommunityId CommunityId { get; init; }
    public required string Name { get; init; }
    public CourtyardKind Kind { get; init; }
    public int Homes { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    /// <summary>Its shape on the wall's map, around its map point; null: drawn as the point (see <see cref="CourtyardOutline"/>).</summary>
    public IReadOnlyList<MapPoint>? Outline { get; init; }
}

public sealed class Building
{
    public BuildingId Id { get; init; }
    public CourtyardId CourtyardId { get; init; }
    public required string Name { get; init; }
}
