using CommandCenter.Domain.Access;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Builders;

/// <summary>One courtyard of one community of one street, and the units that may handle its cases.</summary>
public static class Org
{
    /// <summary>No policies, so every deadline comes from <see cref="DefaultTimeLimits"/> in calendar time.</summary>
    public static readonly DeadlineRules Rules = new(new PolicyTable([]), new WorkingCalendar([], [], WorkingCalendar.StandardWorkingHours));

    public static readonly StreetId StreetId = new(1);
    public static readonly CommunityId CommunityId = new(10);

    public static readonly Courtyard Courtyard = new()
    {
        Id = new CourtyardId(100),
        GridId = new GridId(50),
        CommunityId = CommunityId,
        Name = "Osmanthus Garden",
        Latitude = 30.66,
        Longitude = 104.06,
    };

    public static readonly Courtyard NeighbourCourtyard = new()
    {
        Id = new CourtyardId(101),
        GridId = new GridId(50),
        CommunityId = CommunityId,
        Name = "Bamboo Lane",
    };

    public static readonly Building Building = new() { Id = new BuildingId(1000), CourtyardId = Courtyard.Id, Name = "Building 3" };

    public static readonly HandlingUnit Property = new()
    {
        Id = new UnitId(1),
        Name = "Evergreen Property",
        Kind = UnitKind.PropertyCompany,
        ServedCourtyardIds = [Courtyard.Id],
    };

    public static readonly HandlingUnit Committee = new()
    {
        Id = new UnitId(2),
        Name = "Riverside Community Committee",
        Kind = UnitKind.CommunityCommittee,
        CommunityId = CommunityId,
    };

    public static readonly HandlingUnit StreetOffice = new() { Id = new UnitId(3), Name = "Law Enforcement Team", Kind = UnitKind.StreetOffice };
    /// <summary>A second street office, to co-handle a street-led case.</summary>
    public static readonly HandlingUnit SafetyOffice = new() { Id = new UnitId(7), Name = "Safety Office", Kind = UnitKind.StreetOffice };

    public static readonly HandlingUnit Housing = Department(4, "Housing Bureau");
    public static readonly HandlingUnit UrbanManagement = Department(5, "Urban Management Bureau");
    public static readonly HandlingUnit Ecology = Department(6, "Ecology and Environment Bureau");

    public static readonly Category Group = new() { Code = "01", Name = "市容环境", NameEn = "City appearance" };

    public static readonly Category Item = new()
    {
        Code = "0101",
        ParentCode = Group.Code,
        Name = "暴露垃圾",
        NameEn = "Exposed rubbish",
    };

    public static readonly Actor Dispatcher = new("Li Na", AccessRole.Dispatcher, null, ActSource.Console);
    public static readonly Actor Leader = new("Zhao Lei", AccessRole.StreetLeader, null, ActSource.Console);

    /// <summary>The liaison who acts for a unit, e.g. to close its part of a cross-agency ticket.</summary>
    public static Actor LiaisonOf(UnitId unitId) => new($"Liaison {unitId}", AccessRole.DepartmentLiaison, unitId, ActSource.Console);

    /// <summary>The unit a case at <paramref name="level"/> in <see cref="Courtyard"/> goes to; at district level the lead.</summary>
    public static HandlingUnit UnitAt(HandlingLevel level) => level switch
    {
        HandlingLevel.Courtyard => Property,
        HandlingLevel.Community => Committee,
        HandlingLevel.Street => StreetOffice,
        _ => Housing,
    };

    private static HandlingUnit Department(int id, string name) => new() { Id = new UnitId(id), Name = name, Kind = UnitKind.DistrictDepartment };
}
