using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Wall;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The one projection the wall's map and the outline editor draw through, checked against figures worked out by hand.</summary>
public sealed class MapProjectionTests
{
    [Fact]
    public void Fit_StretchesTheBoundingBoxOverTheViewBoxInsideTheMargin()
    {
        // 2° of longitude over 1000 − 2·30 = 940 units: 470 a degree; 1° of latitude over 400 − 60 = 340 units.
        var fit = MapProjection.Fit([new(100, 30), new(102, 31)], 1000, 400, 30);

        Assert.Equal((30d, 30d), fit.Project(new MapPoint(100, 31)));
        Assert.Equal((970d, 370d), fit.Project(new MapPoint(102, 30)));
        Assert.Equal((500d, 200d), fit.Project(new MapPoint(101, 30.5)));
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
}
