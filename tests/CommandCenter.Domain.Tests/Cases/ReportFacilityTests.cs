using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>A report may name a facility of its courtyard that is on the list; the timeline says which, as it stood then.</summary>
public class ReportFacilityTests
{
    private static readonly DateTime ListedAt = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Facility Lift(Courtyard courtyard) =>
        Facility.Of(courtyard.Id, new FacilityEntry(FacilityKind.Lift, 2, "3栋2单元", FacilityState.Faulty), ArchiveSource.PropertyCompany, ListedAt);

    [Fact]
    public void AReport_NamingALiftOfItsCourtyard_CarriesIt_AndItsTimelineSaysKindAndPlace()
    {
        var lift = Lift(Org.Courtyard);

        var c = CaseBuilder.Report(description: "电梯困人", facility: lift);

        Assert.Equal(new FacilityId(lift.Id), c.FacilityId);
        var reported = Assert.Single(c.Timeline);
        Assert.Equal(("FacilityKind.Lift", "3栋2单元"), (reported.Detail, reported.Note));
    }

    [Fact]
    public void AReport_NamingNoFacility_HasNone_AndItsTimelineNoDetail()
    {
        var c = CaseBuilder.Report();

        Assert.Null(c.FacilityId);
        Assert.Equal((null, null), (c.Timeline[0].Detail, c.Timeline[0].Note));
    }

    [Fact]
    public void AFacilityOfAnotherCourtyard_IsRefused() =>
        Expect.Invalid("FacilityNotInCourtyard", "facilityId", () => CaseBuilder.Report(facility: Lift(Org.NeighbourCourtyard)));

    [Fact]
    public void ARetiredFacility_IsRefused_ThoughItStaysOnFile()
    {
        var lift = Lift(Org.Courtyard);
        lift.Retire(ArchiveSource.PropertyCompany, ListedAt.AddDays(3));

        Expect.Invalid("ReportedFacilityRetired", "facilityId", () => CaseBuilder.Report(facility: lift));
    }

    [Fact]
    public void AFaultyOrOutOfServiceFacility_MayBeNamed_ItIsWhatCasesAreAbout()
    {
        var extinguishers = Facility.Of(Org.Courtyard.Id, new FacilityEntry(FacilityKind.FireEquipment, 12, "5栋楼道", FacilityState.OutOfService),
            ArchiveSource.PropertyCompany, ListedAt);

        Assert.Equal("FacilityKind.FireEquipment", CaseBuilder.Report(facility: extinguishers).Timeline[0].Detail);
    }

    [Fact]
    public void TheRule_ComesFromTheFacility_SoEveryDoorAsksTheSameQuestion()
    {
        var lift = Lift(Org.Courtyard);

        Assert.Null(lift.WhyNotReportedIn(Org.Courtyard.Id, Channel.ResidentQr));
        Assert.Equal("FacilityNotInCourtyard", lift.WhyNotReportedIn(Org.NeighbourCourtyard.Id, Channel.Hotline)!.Code);
    }

    [Theory]
    [InlineData(Channel.ResidentQr, "FacilityNotForResidents")]
    [InlineData(Channel.Hotline, null)]
    [InlineData(Channel.GridPatrol, null)]
    [InlineData(Channel.Dispatcher, null)]
    public void ACamera_IsNamedByStaff_ButNotInAResidentsReport(Channel channel, string? refusal)
    {
        var camera = Facility.Of(Org.Courtyard.Id, new FacilityEntry(FacilityKind.Camera, 1, "北门", FacilityState.Working), ArchiveSource.PropertyCompany, ListedAt);

        Assert.Equal(refusal, camera.WhyNotReportedIn(Org.Courtyard.Id, channel)?.Code);
        Assert.Equal([FacilityKind.Lift, FacilityKind.FireEquipment, FacilityKind.Bin], Enum.GetValues<FacilityKind>().Where(Facility.ResidentsMayName));
    }
}
