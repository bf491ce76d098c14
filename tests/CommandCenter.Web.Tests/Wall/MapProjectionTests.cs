using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Wall;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The one projection the wall's map and the outline editor draw through, checked against figures worked out by hand.</summary>
public sealed class MapProjectionTests
{
    [Fact]
    public void Fit_DrawsTheBoundingBoxAtOneScale_CentredInsideTheMargin_SoShapesKeepTheirProportions()
    {
        // Round 60° a degree of longitude is half a degree of latitude: 2° × 0.5 by 1° is a square of one degree.
        // It fits 400 − 2·30 = 340 units high (not 940 wide): 340 a degree of latitude, 170 of longitude,
        // centred: (1000 − 340) / 2 = 330 from the left, 30 from the top.
        var fit = MapProjection.Fit([new(100, 59.5), new(102, 60.5)], 1000, 400, 30);

        AssertAt((330, 30), fit.Project(new MapPoint(100, 60.5)));
        AssertAt((670, 370), fit.Project(new MapPoint(102, 59.5)));
        AssertAt((500, 200), fit.Project(new MapPoint(101, 60)));
    }

    [Fact]
    public void Fit_OfAStreetWiderThanTheBox_FillsItsWidth_AndLeavesTopAndBottomEmpty()
    {
        // 10° × 0.5 = 5 "square" degrees wide by 0.2 high: the width binds, 940 / 5 = 188 a degree of latitude,
        // 94 of longitude; 0.2 × 188 = 37.6 high, centred: (400 − 37.6) / 2 = 181.2 from the top.
        var fit = MapProjection.Fit([new(100, 59.9), new(110, 60.1)], 1000, 400, 30);

        AssertAt((30, 181.2), fit.Project(new MapPoint(100, 60.1)));
        AssertAt((970, 218.8), fit.Project(new MapPoint(110, 59.9)));
    }

    [Fact]
    public void Around_KeepsTheShape_AndAClickGoesBackToThePointDrawnThere()
    {
        // 0.01° of latitude over 400 units: 40,000 a degree; at 60° a degree of longitude is half as long, 20,000.
        var around = MapProjection.Around(new MapPoint(120, 60), 0.01, 640, 400);

        var (x, y) = around.Project(new MapPoint(120.002, 60.001));
        Assert.Equal(360, x, 6);
        Assert.Equal(160, y, 6);
        var clicked = around.Unproject(280, 280);
        Assert.Equal(119.998, clicked.Longitude, 9);
        Assert.Equal(59.998, clicked.Latitude, 9);
        Assert.Equal((320d, 200d), around.Project(new MapPoint(120, 60)));
    }

    private static void AssertAt((double X, double Y) expected, (double X, double Y) actual)
    {
        Assert.Equal(expected.X, actual.X, 6);
        Assert.Equal(expected.Y, actual.Y, 6);
    }
}
