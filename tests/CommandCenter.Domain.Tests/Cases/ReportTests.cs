using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class ReportTests
{
    public static TheoryData<string, string> BadDescriptions => new()
    {
        { "", "Required" },
        { " \n\t ", "Required" },
        { new string('x', CaseDescription.MaxLength + 1), "TooLong" },
        { "Bell\u0007 rings all night", "ControlCharacters" },
        { "Null\0 byte", "ControlCharacters" },
    };

    [Fact]
    public void Report_ValidInput_WaitsForAcceptanceAtCategoryLevel()
    {
        var c = CaseBuilder.Report(
            description: "  Lift stuck on floor 4\nsince noon  ", reporter: new("Zhang Wei", "13812345678"),
            building: Org.Building, latitude: Org.Courtyard.Latitude);

        Assert.Equal(CaseState.Reported, c.State);
        Assert.Equal(HandlingLevel.Courtyard, c.Level);
        Assert.Equal("Lift stuck on floor 4\nsince noon", c.Description);
        Assert.Equal((Org.CommunityId, Org.Courtyard.Id, Org.Building.Id), (c.CommunityId, c.CourtyardId, c.BuildingId));
        Assert.Equal(("Zhang Wei", "13812345678"), (c.ReporterName, c.ReporterPhone));
        Assert.Equal((1, 1), (c.Version, c.EventCount));
        var reported = Assert.Single(c.Timeline);
        Assert.Equal((CaseEventType.Reported, null, CaseState.Reported), (reported.Type, reported.FromState, reported.ToState));
    }

    [Fact]
    public void Report_DescriptionOfMaxLength_IsAccepted()
    {
        var c = CaseBuilder.Report(description: new string('x', CaseDescription.MaxLength));

        Assert.Equal(CaseDescription.MaxLength, c.Description.Length);
    }

    [Theory]
    [MemberData(nameof(BadDescriptions))]
    public void Report_BadDescription_ThrowsForDescription(string description, string code)
    {
        Expect.Invalid(code, "description", () => CaseBuilder.Report(description: description));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("138abcd5678")]
    [InlineData("138123456789012345678")]
    public void Report_BadPhone_ThrowsForPhone(string phone)
    {
        Expect.Invalid("InvalidPhone", "reporterPhone", () => CaseBuilder.Report(reporter: new(null, phone)));
    }

    [Fact]
    public void Report_GroupCategory_ThrowsForCategory()
    {
        Expect.Invalid("CategoryNotItem", "categoryCode", () => CaseBuilder.Report(category: Org.Group));
    }

    [Fact]
    public void Report_BuildingOfAnotherCourtyard_ThrowsForBuilding()
    {
        var elsewhere = new Building { Id = new BuildingId(2000), CourtyardId = Org.NeighbourCourtyard.Id, Name = "Block A" };

        Expect.Invalid("BuildingNotInCourtyard", "buildingId", () => CaseBuilder.Report(building: elsewhere));
    }

    [Theory]
    [InlineData(90.5)]
    [InlineData(-91)]
    public void Report_LatitudeOutOfRange_ThrowsForLocation(double latitude)
    {
        Expect.Invalid("LocationOutOfRange", "location", () => CaseBuilder.Report(latitude: latitude));
    }

    [Fact]
    public void Report_NaNLatitude_ThrowsForLocation()
    {
        Expect.Invalid("LocationOutOfRange", "location", () => CaseBuilder.Report(latitude: double.NaN));
    }
}
