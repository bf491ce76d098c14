namespace CommandCenter.Domain.Organisation;

public enum UnitKind
{
    PropertyCompany,
    CourtyardGroup,
    CommunityCommittee,
    StreetOffice,
    DistrictDepartment,
}

/// <summary>An organisation that handles cases: a property company, a community committee, a district department…</summary>
public sealed class HandlingUnit
{
    private readonly List<CourtyardId> _servedCourtyardIds = [];

    public UnitId Id { get; init; }
    public required string Name { get; init; }
    public UnitKind Kind { get; init; }
    /// <summary>The community a community committee belongs to; null for other kinds.</summary>
    public CommunityId? CommunityId { get; init; }
    /// <summary>Courtyards a courtyard-level unit (property company, courtyard group) looks after.</summary>
    public IReadOnlyList<CourtyardId> ServedCourtyardIds
    {
        get => _servedCourtyardIds;
        init => _servedCourtyardIds = [.. value];
    }

    public HandlingLevel Level => LevelOf(Kind);

    public static HandlingLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.PropertyCompany or UnitKind.CourtyardGroup => HandlingLevel.Courtyard,
        UnitKind.CommunityCommittee => HandlingLevel.Community,
        UnitKind.StreetOffice => HandlingLevel.Street,
        _ => HandlingLevel.District,
    };

    /// <summary>
    /// This unit as it stands on <paramref name="day"/>: a courtyard with service periods on record
    /// for units of this kind (<paramref name="periods"/>, every unit's) is served by whoever's period covers
    /// the day; any other courtyard by the units whose own list names it.
    /// </summary>
    public HandlingUnit On(DateOnly day, IReadOnlyCollection<CourtyardService> periods)
    {
        if (Level != HandlingLevel.Courtyard || periods.Count == 0) return this;
        var recorded = periods.Where(p => p.Kind == Kind).Select(p => p.CourtyardId).ToHashSet();
        IEnumerable<CourtyardId> served = [
            .. _servedCourtyardIds.Where(c => !recorded.Contains(c)),
            .. periods.Where(p => p.UnitId == Id && p.CoversOn(day)).Select(p => p.CourtyardId)];
        return new HandlingUnit { Id = Id, Name = Name, Kind = Kind, CommunityId = CommunityId, ServedCourtyardIds = [.. served.Distinct().OrderBy(c => c.Value)] };
    }

    /// <summary>Whether this unit may be sent a case at <paramref name="level"/> located in the given courtyard.</summary>
    public bool Serves(HandlingLevel level, CourtyardId courtyardId, CommunityId communityId) =>
        level == Level && Level switch
        {
            HandlingLevel.Courtyard => _servedCourtyardIds.Contains(courtyardId),
            HandlingLevel.Community => CommunityId == communityId,
            _ => true,
        };
}
