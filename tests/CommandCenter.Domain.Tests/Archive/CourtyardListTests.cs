using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Archive;

/// <summary>A courtyard's bodies and facilities keep the rules a committee's election, a party group's roll and a facility list follow.</summary>
public class CourtyardListTests
{
    private static readonly DateTime At = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly CourtyardId Courtyard = new(7);
    private static readonly Term FiveYears = new(new DateOnly(2024, 6, 1), new DateOnly(2029, 6, 1));

    private static List<MemberEntry> Committee(int size, int chairs = 1) =>
        [.. Enumerable.Range(0, size).Select(i => new MemberEntry($"委员{i}", i < chairs ? BodyRole.Chair : i == chairs ? BodyRole.DeputyChair : BodyRole.Member))];

    [Fact]
    public void ACommitteeOfFive_KeepsItsTermOnEachMember_WithSourceAndConfirmation()
    {
        var members = CourtyardMember.OfBody(Courtyard, CourtyardBody.OwnersCommittee, Committee(5), FiveYears, ArchiveSource.ResidentBook, At);

        Assert.Equal(5, members.Count);
        Assert.All(members, m => Assert.Equal((Courtyard, FiveYears.From, FiveYears.Until, ArchiveSource.ResidentBook, At),
            (m.CourtyardId, m.TermFrom!.Value, m.TermUntil!.Value, m.Source, m.ConfirmedAtUtc)));
        Assert.Single(members, m => m.Role == BodyRole.Chair);
    }

    [Theory]
    [InlineData(4, 1, "InvalidCommitteeSize")]
    [InlineData(6, 1, "InvalidCommitteeSize")]
    [InlineData(13, 1, "InvalidCommitteeSize")]
    [InlineData(5, 0, "OneChair")]
    [InlineData(5, 2, "OneChair")]
    public void ACommittee_OutsideTheRules_IsRefused(int size, int chairs, string code) =>
        Assert.Equal(code, Assert.Throws<DomainValidationException>(() =>
            CourtyardMember.OfBody(Courtyard, CourtyardBody.OwnersCommittee, Committee(size, chairs), FiveYears, ArchiveSource.ResidentBook, At)).Code);

    [Theory]
    [InlineData("2024-06-01", "2029-06-02")]
    [InlineData("2024-06-01", "2024-06-01")]
    public void ACommitteesTerm_LongerThanFiveYearsOrEndingBeforeItBegins_IsRefused(string from, string until) =>
        Assert.Equal("InvalidTerm", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.OwnersCommittee, Committee(5),
            new Term(DateOnly.Parse(from), DateOnly.Parse(until)), ArchiveSource.ResidentBook, At)).Code);

    [Fact]
    public void ACommitteeWithoutATerm_IsRefused_ButNoCommitteeNeedsNone()
    {
        Assert.Equal("Required", Assert.Throws<DomainValidationException>(() =>
            CourtyardMember.OfBody(Courtyard, CourtyardBody.OwnersCommittee, Committee(5), null, ArchiveSource.ResidentBook, At)).Code);
        Assert.Empty(CourtyardMember.OfBody(Courtyard, CourtyardBody.OwnersCommittee, [], null, ArchiveSource.ResidentBook, At));
    }

    [Fact]
    public void APartyGroup_HasOneSecretary_AndNoTerm()
    {
        var group = CourtyardMember.OfBody(Courtyard, CourtyardBody.PartyGroup,
            [new("李书记", BodyRole.Secretary), new("王党员", BodyRole.Member)], FiveYears, ArchiveSource.GridRound, At);
        Assert.All(group, m => Assert.Null(m.TermFrom));
        Assert.Equal("OneSecretary", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.PartyGroup,
            [new("王党员", BodyRole.Member)], null, ArchiveSource.GridRound, At)).Code);
        Assert.Equal("RoleNotInBody", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.PartyGroup,
            [new("李主任", BodyRole.Chair)], null, ArchiveSource.GridRound, At)).Code);
    }

    [Fact]
    public void BuildingHeads_NameTheirBuilding_OnePerBuilding()
    {
        var heads = CourtyardMember.OfBody(Courtyard, CourtyardBody.BuildingHeads,
            [new("赵楼长", BodyRole.BuildingHead, new BuildingId(1)), new("钱楼长", BodyRole.BuildingHead, new BuildingId(2))], null, ArchiveSource.GridRound, At);
        Assert.Equal([new BuildingId(1), new BuildingId(2)], heads.Select(h => h.BuildingId!.Value));
        Assert.Equal("OneHeadPerBuilding", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.BuildingHeads,
            [new("赵楼长", BodyRole.BuildingHead, new BuildingId(1)), new("钱楼长", BodyRole.BuildingHead, new BuildingId(1))], null, ArchiveSource.GridRound, At)).Code);
        Assert.Equal("BuildingHeadBuilding", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.BuildingHeads,
            [new("赵楼长", BodyRole.BuildingHead)], null, ArchiveSource.GridRound, At)).Code);
        Assert.Equal("BuildingHeadBuilding", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.PartyGroup,
            [new("李书记", BodyRole.Secretary, new BuildingId(1))], null, ArchiveSource.GridRound, At)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("张\u0000三")]
    public void AMember_WithABadName_IsRefused(string name) =>
        Assert.Equal("InvalidName", Assert.Throws<DomainValidationException>(() => CourtyardMember.OfBody(Courtyard, CourtyardBody.PartyGroup,
            [new(name, BodyRole.Secretary)], null, ArchiveSource.GridRound, At)).Code);

    [Fact]
    public void AFacilityList_KeepsKindCountPlaceAndState()
    {
        var list = Facility.List(Courtyard, [new(FacilityKind.Lift, 1, " 3栋2单元 ", FacilityState.Faulty, new BuildingId(3)), new(FacilityKind.Bin, 12, "东门", FacilityState.Working)],
            ArchiveSource.PropertyCompany, At);
        Assert.Equal([(FacilityKind.Lift, 1, "3栋2单元", FacilityState.Faulty), (FacilityKind.Bin, 12, "东门", FacilityState.Working)],
            list.Select(f => (f.Kind, f.Count, f.Place, f.State)));
        Assert.All(list, f => Assert.Equal((ArchiveSource.PropertyCompany, At), (f.Source, f.ConfirmedAtUtc)));
    }

    [Theory]
    [InlineData(0, "东门", "InvalidFacilityCount")]
    [InlineData(10_001, "东门", "InvalidFacilityCount")]
    [InlineData(1, " ", "InvalidPlace")]
    [InlineData(1, "东\u0007门", "InvalidPlace")]
    public void AFacilityRow_OutsideTheRules_IsRefused(int count, string place, string code) =>
        Assert.Equal(code, Assert.Throws<DomainValidationException>(() =>
            Facility.List(Courtyard, [new(FacilityKind.Camera, count, place, FacilityState.Working)], ArchiveSource.PropertyCompany, At)).Code);

    [Fact]
    public void AnUnknownKindOrState_IsRefused() =>
        Assert.Equal("UnknownValue", Assert.Throws<DomainValidationException>(() =>
            Facility.List(Courtyard, [new((FacilityKind)99, 1, "东门", FacilityState.Working)], ArchiveSource.PropertyCompany, At)).Code);

    [Theory]
    [InlineData(AccessRole.PropertyStaff, true, false, false)]
    [InlineData(AccessRole.GridWorker, true, true, true)]
    [InlineData(AccessRole.CommunityStaff, true, true, true)]
    [InlineData(AccessRole.StreetLeader, false, false, true)]
    public void WhoKeepsAndSeesTheLists(AccessRole role, bool facilities, bool bodies, bool seesPartyGroup)
    {
        var post = new Post { Role = role, Name = role.ToString(), Source = ActSource.Console };
        Assert.Equal((facilities, bodies, seesPartyGroup, true),
            (CourtyardListRights.KeepsFacilities(post), CourtyardListRights.KeepsBodies(post), CourtyardListRights.Sees(post, CourtyardBody.PartyGroup),
                CourtyardListRights.Sees(post, CourtyardBody.OwnersCommittee)));
    }
}
