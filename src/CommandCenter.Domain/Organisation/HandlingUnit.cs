using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

public enum UnitKind
{
    PropertyCompany,
    CourtyardGroup,
    CommunityCommittee,
    StreetOffice,
    DistrictDepartment,
    /// <summary>业委会: the owners' committee of the courtyards it serves, handling cases at the courtyard level.</summary>
    OwnersCommittee,
}

/// <summary>An organisation that handles cases: a property company, an owners' committee, a community committee, a district department…</summary>
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

    public const int MaxNameLength = 64;

    /// <summary>
    /// A unit as the administrator writes it, checked: a registered name, a kind (which sets its level), and a
    /// community for a community committee only. It serves no courtyards until a service period says so.
    /// Whether the community exists is the caller's to check.
    /// </summary>
    public static HandlingUnit New(UnitId id, string? name, UnitKind kind, CommunityId? communityId)
    {
        var checkedName = PlainText.Required(name, "name", MaxNameLength);
        KnownValue.Of(kind, "kind");
        if (kind == UnitKind.CommunityCommittee && communityId is null)
            throw new DomainValidationException("UnitNeedsCommunity", "A community committee belongs to a community.", "communityId");
        if (kind != UnitKind.CommunityCommittee && communityId is not null)
            throw new DomainValidationException("UnitTakesNoCommunity", "Only a community committee belongs to a community.", "communityId");
        return new HandlingUnit { Id = id, Name = checkedName, Kind = kind, CommunityId = communityId };
    }

    /// <summary>
    /// This unit renamed or moved to another community: its kind stays (its cases and figures were counted at its level),
    /// and so do the courtyards it serves.
    /// </summary>
    public HandlingUnit Changed(string? name, UnitKind kind, CommunityId? communityId)
    {
        if (kind != Kind)
            throw new DomainValidationException("UnitKindFixed", "A unit's kind is not changed once it is saved.", "kind");
        var changed = New(Id, name, kind, communityId);
        return new HandlingUnit { Id = Id, Name = changed.Name, Kind = Kind, CommunityId = changed.CommunityId, ServedCourtyardIds = _servedCourtyardIds };
    }

    public static HandlingLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.PropertyCompany or UnitKind.CourtyardGroup or UnitKind.OwnersCommittee => HandlingLevel.Courtyard,
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
