using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Components.Pages.Admin;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The outline field's text and the editor's clicks: one outline, what was typed kept as typed.</summary>
public sealed class OutlineTextTests
{
    [Fact]
    public void Add_WritesTheClickedPointRoundedToSixDecimals_AtTheEnd()
    {
        Assert.Equal("120.002,60.001", OutlineText.Add(null, new MapPoint(120.00200000000001, 60.0010000004)));
        Assert.Equal("1,2; 3,4; 5,6", OutlineText.Add(" 1,2 ;3,4; ", new MapPoint(5, 6)));
    }

    [Fact]
    public void Add_ToAClosedRing_GoesBeforeTheClosingPoint()
    {
        Assert.Equal("1,2; 3,4; 5,6; 7,8; 1,2", OutlineText.Add("1,2; 3,4; 5,6; 1,2", new MapPoint(7, 8)));
    }

    [Fact]
    public void Add_AfterWhatIsNotANumber_KeepsItForTheDomainToRefuse()
    {
        Assert.Equal("1,x; 3,4", OutlineText.Add("1,x", new MapPoint(3, 4)));
        Assert.Equal([new MapPoint(3, 4)], OutlineText.Drawable("1,x; 3,4"));
    }

    [Fact]
    public void RemoveLast_TakesTheLastPoint_OfAClosedRingTheLastBeforeTheClosingOne_AndLeavesNullWhenNoneIsLeft()
    {
        Assert.Equal("1,2; 3,4", OutlineText.RemoveLast("1,2; 3,4; 5,6"));
        Assert.Equal("1,2; 3,4; 1,2", OutlineText.RemoveLast("1,2; 3,4; 5,6; 1,2"));
        Assert.Null(OutlineText.RemoveLast("1,2"));
        Assert.Null(OutlineText.RemoveLast(" "));
    }

    [Fact]
    public void Read_WritesPastedGeoJsonCoordinatesTheFieldsWay_WithTheirNumbersAsGiven_AndLeavesAnythingElseAsTyped()
    {
        Assert.Equal("106.5,29.50; 106.6,29.5; 106.55,29.6", OutlineText.Read("[[106.5, 29.50], [106.6, 29.5], [106.55, 29.6]]"));
        Assert.Equal("1,2; 3,4; 5,6; 1,2", OutlineText.Read(" [[[1,2],[3,4],[5,6],[1,2]], [[9,9],[9,8],[8,8]]]"));
        Assert.Equal("1,2,3; 4,5", OutlineText.Read("[[1,2,3],[4,5]]"));
        Assert.Equal("[[1,2],[3,\"x\"]]", OutlineText.Read("[[1,2],[3,\"x\"]]"));
        Assert.Equal("[[1,2],[3,4]", OutlineText.Read("[[1,2],[3,4]"));
        Assert.Equal("1,2; 3,4", OutlineText.Read("1,2; 3,4"));
    }
}
