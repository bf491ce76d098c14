using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>The groups of people a courtyard's archive keeps (issue 17): who residents and the community turn to.</summary>
public enum CourtyardBody
{
    /// <summary>业主委员会: elected by the owners' assembly for a term.</summary>
    OwnersCommittee,
    /// <summary>院落党小组: its party members and their secretary.</summary>
    PartyGroup,
    /// <summary>楼栋长: one resident per building the community reaches the building through.</summary>
    BuildingHeads,
}

/// <summary>What a person is in a courtyard's body.</summary>
public enum BodyRole
{
    Chair,
    DeputyChair,
    Secretary,
    Member,
    BuildingHead,
}

/// <summary>
/// A person in one of a courtyard's bodies: the owners' committee (with its term), the party group, or a building's head.
/// A body is written whole (<see cref="OfBody"/>), as the election, the group's roll or the community's list gives it.
/// </summary>
public sealed class CourtyardMember : ArchiveRecord
{
    public const int MaxNameLength = 40;
    /// <summary>业主大会和业主委员会指导规则 第三十一条: a committee has 5 to 11 members, an odd number.</summary>
    public const int MinCommitteeSize = 5, MaxCommitteeSize = 11;
    /// <summary>The same rules: a committee's term is at most five years.</summary>
    public const int MaxTermYears = 5;
    /// <summary>More than a courtyard's party group or buildings hold is a typo.</summary>
    public const int MaxBodySize = 200;

    private CourtyardMember() { }

    public long Id { get; init; }
    public CourtyardId CourtyardId { get; private init; }
    public CourtyardBody Body { get; private init; }
    public BodyRole Role { get; private init; }
    public string Name { get; private init; } = "";
    /// <summary>The building a building head looks after; none for the other bodies.</summary>
    public BuildingId? BuildingId { get; private init; }
    /// <summary>The owners' committee's term, the same on each of its members; none for the other bodies.</summary>
    public DateOnly? TermFrom { get; private init; }
    public DateOnly? TermUntil { get; private init; }

    /// <summary>
    /// A body as a whole, checked by its own rules: the owners' committee 5 to 11 (odd) with one chair and a term of at most
    /// five years; the party group with one secretary; building heads one per building, each naming it.
    /// </summary>
    public static IReadOnlyList<CourtyardMember> OfBody(CourtyardId courtyardId, CourtyardBody body, IReadOnlyList<MemberEntry> members, Term? term,
        ArchiveSource source, DateTime confirmedAtUtc)
    {
        KnownValue.Of(body, "body");
        if (members.Count > MaxBodySize)
            throw new DomainValidationException("InvalidBodySize", $"A body has at most {MaxBodySize} people.", "members");
        foreach (var member in members)
        {
            if (!RolesOf(body).Contains(KnownValue.Of(member.Role, "role")))
                throw new DomainValidationException("RoleNotInBody", $"{member.Role} is no role of {body}.", "role");
            if ((body == CourtyardBody.BuildingHeads) != (member.BuildingId is not null))
                throw new DomainValidationException("BuildingHeadBuilding", "A building head names their building, and only a building head does.", "buildingId");
        }
        var checkedTerm = body switch
        {
            CourtyardBody.OwnersCommittee => CheckCommittee(members, term),
            CourtyardBody.PartyGroup => NoneOrOne(members, BodyRole.Secretary)
                ? null : throw new DomainValidationException("OneSecretary", "A party group has exactly one secretary.", "role"),
            _ => CheckBuildings(members),
        };
        return [.. members.Select(m =>
        {
            var member = new CourtyardMember
            {
                CourtyardId = courtyardId, Body = body, Role = m.Role, Name = ArchiveNames.Check(m.Name, MaxNameLength, "name"), BuildingId = m.BuildingId,
                TermFrom = checkedTerm?.From, TermUntil = checkedTerm?.Until,
            };
            member.Confirm(source, confirmedAtUtc);
            return member;
        })];
    }

    public static IReadOnlyList<BodyRole> RolesOf(CourtyardBody body) => body switch
    {
        CourtyardBody.OwnersCommittee => [BodyRole.Chair, BodyRole.DeputyChair, BodyRole.Member],
        CourtyardBody.PartyGroup => [BodyRole.Secretary, BodyRole.Member],
        _ => [BodyRole.BuildingHead],
    };

    private static Term? CheckCommittee(IReadOnlyList<MemberEntry> members, Term? term)
    {
        // An empty committee is a courtyard without one (most old courtyards have none), which needs no term.
        if (members.Count == 0) return null;
        if (members.Count is < MinCommitteeSize or > MaxCommitteeSize || members.Count % 2 == 0)
            throw new DomainValidationException("InvalidCommitteeSize",
                $"An owners' committee has {MinCommitteeSize} to {MaxCommitteeSize} members, an odd number.", "members");
        if (!NoneOrOne(members, BodyRole.Chair)) throw new DomainValidationException("OneChair", "An owners' committee has exactly one chair.", "role");
        var given = term ?? throw new DomainValidationException("Required", "term is required.", "term");
        if (given.Until <= given.From || given.Until > given.From.AddYears(MaxTermYears))
            throw new DomainValidationException("InvalidTerm", $"A committee's term ends after it begins, within {MaxTermYears} years.", "term");
        return given;
    }

    /// <summary>An empty body, or exactly one person in the role.</summary>
    private static bool NoneOrOne(IReadOnlyList<MemberEntry> members, BodyRole role) => members.Count == 0 || members.Count(m => m.Role == role) == 1;

    private static Term? CheckBuildings(IReadOnlyList<MemberEntry> members) =>
        members.DistinctBy(m => m.BuildingId).Count() == members.Count
            ? null : throw new DomainValidationException("OneHeadPerBuilding", "A building has one building head.", "buildingId");
}

/// <summary>One person of a body as given: their name, role, and (a building head) their building.</summary>
public sealed record MemberEntry(string? Name, BodyRole Role, BuildingId? BuildingId = null);

/// <summary>A committee's term, from the day it was elected to the day it ends.</summary>
public sealed record Term(DateOnly From, DateOnly Until);
