using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Archive;

public class ResidentTests
{
    private static readonly DateTime At = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Resident Zhang() => Resident.Record(new ResidentId(1), new HomeId(1), " 张三 ", 1, Relation.Head, new DateOnly(2010, 5, 1),
        ResidentTags.PartyMember | ResidentTags.Volunteer, null, null, ArchiveSource.ResidentBook, At);

    [Fact]
    public void Record_KeepsSourceAndConfirmation()
    {
        var resident = Zhang();
        Assert.Equal(("张三", ArchiveSource.ResidentBook, At, true), (resident.Name, resident.Source, resident.ConfirmedAtUtc, resident.Current));
        Assert.Equal([ResidentTags.PartyMember, ResidentTags.Volunteer], ResidentTagSet.Split(resident.Tags));
    }

    [Fact]
    public void Remove_Deceased_KeepsTheRecordWithDayAndReason()
    {
        var resident = Zhang();
        resident.Remove(RemovalReason.Deceased, new DateOnly(2026, 11, 30), ArchiveSource.GridRound, At.AddDays(1));
        Assert.Equal((false, RemovalReason.Deceased, new DateOnly(2026, 11, 30), "张三", ArchiveSource.GridRound),
            (resident.Current, resident.Removal, resident.MovedOutOn, resident.Name, resident.Source));
        Assert.Equal("ResidentAlreadyRemoved", Assert.Throws<DomainException>(() => resident.Remove(RemovalReason.Moved, new DateOnly(2026, 12, 1), ArchiveSource.GridRound, At)).Code);
    }

    [Fact]
    public void Remove_BeforeMovingIn_Refused() =>
        Assert.Equal("RemovedBeforeMovingIn", Assert.Throws<DomainValidationException>(() =>
            Zhang().Remove(RemovalReason.Moved, new DateOnly(2009, 1, 1), ArchiveSource.GridRound, At)).Code);

    [Theory]
    [InlineData("")]
    [InlineData("张\u0000三")]
    public void Record_BadName_Refused(string name) =>
        Assert.Equal("InvalidName", Assert.Throws<DomainValidationException>(() => Resident.Record(new ResidentId(1), new HomeId(1), name, 1,
            Relation.Head, null, ResidentTags.None, null, null, ArchiveSource.ResidentBook, At)).Code);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(20000)]
    public void Home_BadArea_Refused(int area) =>
        Assert.Equal("InvalidArea", Assert.Throws<DomainValidationException>(() =>
            Home.Record(new HomeId(1), new CourtyardId(1), null, "1-1-101", area, AreaSource.Registry, HomeUse.Home, ArchiveSource.LandRegistry, At)).Code);

    [Fact]
    public void CoOwners_NameExactlyOneRepresentative()
    {
        Ownership Of(int owner, bool representative) => Ownership.Record(new HomeId(1), new OwnerId(owner), representative, ArchiveSource.LandRegistry, At);
        Ownership.CheckOneRepresentative([Of(1, true), Of(2, false)]);
        Assert.Throws<DomainValidationException>(() => Ownership.CheckOneRepresentative([Of(1, false), Of(2, false)]));
        Assert.Throws<DomainValidationException>(() => Ownership.CheckOneRepresentative([Of(1, true), Of(2, true)]));
    }

    [Fact]
    public void Change_CorrectsACurrentResident_AndRecordsWhoConfirmed()
    {
        var resident = Zhang();
        resident.Change(2, Relation.Tenant, ResidentTags.ElderlyAlone, new DateOnly(2011, 3, 1), ArchiveSource.GridRound, At.AddDays(1));
        Assert.Equal((2, Relation.Tenant, ResidentTags.ElderlyAlone, new DateOnly(2011, 3, 1), ArchiveSource.GridRound, At.AddDays(1)),
            (resident.Household, resident.Relation, resident.Tags, resident.MovedInOn!.Value, resident.Source, resident.ConfirmedAtUtc));
        Assert.Equal("InvalidHousehold", Assert.Throws<DomainValidationException>(() => resident.Change(21, Relation.Head, ResidentTags.None, null, ArchiveSource.GridRound, At)).Code);
        Assert.Equal("UnknownTag", Assert.Throws<DomainValidationException>(() => resident.Change(1, Relation.Head, (ResidentTags)4096, null, ArchiveSource.GridRound, At)).Code);
        Assert.Equal("UnknownValue", Assert.Throws<DomainValidationException>(() => resident.Change(1, (Relation)99, ResidentTags.None, null, ArchiveSource.GridRound, At)).Code);
        resident.Remove(RemovalReason.Moved, new DateOnly(2026, 11, 30), ArchiveSource.GridRound, At);
        Assert.Equal("ResidentAlreadyRemoved", Assert.Throws<DomainException>(() => resident.Change(1, Relation.Head, ResidentTags.None, null, ArchiveSource.GridRound, At)).Code);
    }

    [Fact]
    public void ATitle_HasOneToTenOwners_EachOnce_OneRepresenting_ASoleOwnerWithoutSaying()
    {
        Assert.True(Assert.Single(Ownership.Title(new HomeId(1), [(new OwnerId(1), false, null)], ArchiveSource.LandRegistry, At)).Representative);
        Assert.Equal([true, false], Ownership.Title(new HomeId(1), [(new OwnerId(1), true, null), (new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At).Select(o => o.Representative));
        Assert.Equal("OneRepresentative", Assert.Throws<DomainValidationException>(() =>
            Ownership.Title(new HomeId(1), [(new OwnerId(1), false, null), (new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At)).Code);
        Assert.Equal("OwnerTwice", Assert.Throws<DomainValidationException>(() =>
            Ownership.Title(new HomeId(1), [(new OwnerId(1), true, null), (new OwnerId(1), false, null)], ArchiveSource.LandRegistry, At)).Code);
        Assert.Equal("InvalidCoOwners", Assert.Throws<DomainValidationException>(() => Ownership.Title(new HomeId(1), [], ArchiveSource.LandRegistry, At)).Code);
    }

    [Fact]
    public void CoOwnersShares_AddUpToAHundred_OrNoneIsGiven_ASoleOwnersIsNotWritten()
    {
        var halves = Ownership.Title(new HomeId(1), [(new OwnerId(1), true, 50m), (new OwnerId(2), false, 50m)], ArchiveSource.LandRegistry, At);
        Assert.Equal([50m, 50m], halves.Select(o => o.Share!.Value));
        Assert.Null(Assert.Single(Ownership.Title(new HomeId(1), [(new OwnerId(1), false, 100m)], ArchiveSource.LandRegistry, At)).Share);
        Assert.True(Ownership.SameTitle(halves, Ownership.Title(new HomeId(1), [(new OwnerId(2), false, 50m), (new OwnerId(1), true, 50m)], ArchiveSource.PropertyCompany, At)));
        Assert.False(Ownership.SameTitle(halves, Ownership.Title(new HomeId(1), [(new OwnerId(1), true, 60m), (new OwnerId(2), false, 40m)], ArchiveSource.LandRegistry, At)));
        Assert.Equal("InvalidShares", Assert.Throws<DomainValidationException>(() =>
            Ownership.Title(new HomeId(1), [(new OwnerId(1), true, 50m), (new OwnerId(2), false, 40m)], ArchiveSource.LandRegistry, At)).Code);
        Assert.Equal("InvalidShares", Assert.Throws<DomainValidationException>(() =>
            Ownership.Title(new HomeId(1), [(new OwnerId(1), true, 100m), (new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At)).Code);
    }

    [Fact]
    public void AHomesFigures_AreCorrected_ByTheSourceThatGivesThem()
    {
        var home = Home.Record(new HomeId(1), new CourtyardId(1), null, "1-101", 88.456m, AreaSource.Contract, HomeUse.Home, ArchiveSource.PropertyCompany, At);
        Assert.True(home.Says(88.46m, AreaSource.Contract, HomeUse.Home));
        home.Correct(86.2m, AreaSource.Registry, HomeUse.Home, ArchiveSource.LandRegistry, At.AddDays(1));
        Assert.Equal((86.2m, AreaSource.Registry, ArchiveSource.LandRegistry), (home.ExclusiveArea, home.AreaSource, home.Source));
        Assert.Equal("InvalidArea", Assert.Throws<DomainValidationException>(() => home.Correct(0m, AreaSource.Registry, HomeUse.Home, ArchiveSource.LandRegistry, At)).Code);
    }
}
