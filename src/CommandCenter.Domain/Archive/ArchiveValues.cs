using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Archive;

/// <summary>Where a record of the archive came from (一数一源): the record keeps it with the time it was last confirmed.</summary>
public enum ArchiveSource
{
    /// <summary>The land registry's list of owners and areas (不动产登记).</summary>
    LandRegistry,
    /// <summary>The property company's list of homes and owners.</summary>
    PropertyCompany,
    /// <summary>The community's resident book (居民台账).</summary>
    ResidentBook,
    /// <summary>A grid worker's visit on the quarterly round.</summary>
    GridRound,
    /// <summary>The generated demo street.</summary>
    Demo,
}

/// <summary>Where a home's exclusive area (专有部分面积) was taken from; the registry's figure is the one votes count.</summary>
public enum AreaSource
{
    Registry,
    Surveyed,
    Contract,
}

/// <summary>What an exclusive unit is used as.</summary>
public enum HomeUse
{
    Home,
    Shop,
    Garage,
    ParkingSpace,
}

/// <summary>A resident's relation to the head of their household.</summary>
public enum Relation
{
    Head,
    Spouse,
    Child,
    Parent,
    Grandchild,
    Sibling,
    OtherRelative,
    Tenant,
}

/// <summary>Why a resident left the book; the record stays, with the day, so history is kept.</summary>
public enum RemovalReason
{
    Moved,
    Deceased,
}

/// <summary>What kind of party owns a home: the developer's unsold units count as one owner, however many.</summary>
public enum OwnerKind
{
    Person,
    Developer,
    Organisation,
}

/// <summary>
/// The tags grid workers keep on residents (seed 001). Flags, because one person carries several and a
/// search by tag is then one comparison on one column.
/// </summary>
[Flags]
public enum ResidentTags
{
    None = 0,
    PartyMember = 1,
    /// <summary>低保: a household on the minimum living allowance.</summary>
    Dibao = 2,
    ElderlyAlone = 4,
    Disabled = 8,
    SchoolAgeChild = 16,
    /// <summary>骨干: a backbone resident the courtyard relies on.</summary>
    Backbone = 32,
    Volunteer = 64,
    BuildingHead = 128,
}

public static class ResidentTagSet
{
    /// <summary>Every single tag, in the order screens list them.</summary>
    public static readonly IReadOnlyList<ResidentTags> Each =
        [.. Enum.GetValues<ResidentTags>().Where(t => t != ResidentTags.None)];

    /// <summary>Every tag at once: a value with any other bit is no set of tags.</summary>
    public static readonly ResidentTags All = Each.Aggregate(ResidentTags.None, (all, t) => all | t);

    public static IEnumerable<ResidentTags> Split(ResidentTags tags) => Each.Where(t => tags.HasFlag(t));

    public static ResidentTags Check(ResidentTags tags, string field = "tags") =>
        (tags & ~All) == 0 ? tags : throw new DomainValidationException("UnknownTag", "Give known tags.", field);
}
