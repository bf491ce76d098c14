using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

/// <summary>A courtyard's outline: 3 to 200 [lng, lat] points near its map point, closed or not, stored open.</summary>
public sealed class CourtyardOutlineTests
{
    private const double Latitude = 29.58, Longitude = 106.6;

    private static double[] At(double east, double north) => [Longitude + east, Latitude + north];

    [Fact]
    public void AClosedRing_IsStoredOpen_AndAnOpenOneAsGiven()
    {
        var closed = CourtyardOutline.Of([At(0, 0), At(0.001, 0), At(0.001, 0.001), At(0, 0)], Latitude, Longitude)!;
        var open = CourtyardOutline.Of([At(0, 0), At(0.001, 0), At(0.001, 0.001)], Latitude, Longitude)!;

        Assert.Equal(3, closed.Count);
        Assert.Equal(closed, open);
        Assert.Equal(new MapPoint(Longitude + 0.001, Latitude), open[1]);
    }

    [Fact]
    public void NoOutline_StaysNone() => Assert.Null(CourtyardOutline.Of(null, Latitude, Longitude));

    public static TheoryData<double[]?[], string> Refused => new()
    {
        { [At(0, 0), At(0.001, 0)], "OutlinePointCount" },
        { [At(0, 0), At(0.001, 0), At(0, 0)], "OutlinePointCount" },
        { [.. Enumerable.Range(0, 201).Select(i => At(i * 1e-5, 0))], "OutlinePointCount" },
        { [At(0, 0), [Longitude], At(0.001, 0.001)], "OutlinePointInvalid" },
        { [At(0, 0), null, At(0.001, 0.001)], "OutlinePointInvalid" },
        { [At(0, 0), [double.NaN, Latitude], At(0.001, 0.001)], "OutlinePointInvalid" },
        { [At(0, 0), [Longitude, Latitude, 3], At(0.001, 0.001)], "OutlinePointInvalid" },
        { [At(0, 0), At(0.2, 0), At(0.001, 0.001)], "OutlineOutOfReach" },
        { [At(0, 0), [Latitude, Longitude], At(0.001, 0.001)], "OutlineOutOfReach" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void ABadOutline_IsRefusedNamingTheField(double[]?[] points, string code)
    {
        var refused = Assert.Throws<DomainValidationException>(() => CourtyardOutline.Of(points, Latitude, Longitude));
        Assert.Equal((code, "outline"), (refused.Code, refused.Field));
    }

    [Fact]
    public void TwoHundredPoints_AreTaken_AndRoundTripThroughTheirStoredForm()
    {
        var ring = CourtyardOutline.Of([.. Enumerable.Range(0, 200).Select(i => At(0.001 * Math.Cos(i / 32.0), 0.001 * Math.Sin(i / 32.0)))], Latitude, Longitude)!;

        Assert.Equal(ring, CourtyardOutline.Parse(CourtyardOutline.Format(ring)));
    }

    [Fact]
    public void ACourtyard_CarriesItsCheckedOutline()
    {
        var grid = new Grid { Id = new GridId(1), CommunityId = new CommunityId(1), Name = "第一网格" };
        var courtyard = PlaceRules.Courtyard(new CourtyardId(1), grid, "幸福小区", CourtyardKind.Old, 10, Latitude, Longitude,
            [At(-0.0005, -0.0005), At(0.0005, -0.0005), At(0.0005, 0.0005), At(-0.0005, 0.0005)]);

        Assert.Equal(4, courtyard.Outline!.Count);
    }
}
