using CommandCenter.Web.Components.Wall;

namespace CommandCenter.Web.Tests.Wall;

public sealed class MapLabelPlacementTests
{
    private const double FontSize = 40;

    [Fact]
    public void Crowded_TheMoreUrgentPlaceKeepsItsLabel_AndTheOtherIsHidden()
    {
        // Two marks so close that no two labels fit around them without touching.
        var labels = MapLabelPlacement.Place(
            [Request(1, "港城家园", 100, 100, priority: 1), Request(2, "港城新居", 104, 100, priority: 2003)], FontSize, 260, 130);

        Assert.Equal([2], labels.Select(l => l.Key));
    }

    [Fact]
    public void NeighboursWithRoom_AreBothLabelled_WithoutOverlapping()
    {
        var labels = MapLabelPlacement.Place(
            [Request(1, "五宝家园", 200, 200, priority: 1), Request(2, "五宝花园", 200, 260, priority: 2)], FontSize, 600, 500);

        Assert.Equal(2, labels.Count);
        Assert.False(labels[0].Overlaps(labels[1], gap: 0));
    }

    [Fact]
    public void NoRoomBelow_TheLabelGoesAbove()
    {
        var label = Assert.Single(MapLabelPlacement.Place([Request(1, "观江府", 300, 470, priority: 0)], FontSize, 600, 500));

        Assert.True(label.Y < 470);
        Assert.True(label.Inside(600, 500));
    }

    [Fact]
    public void NowhereInsideTheMap_NoLabel()
    {
        Assert.Empty(MapLabelPlacement.Place([Request(1, "黑石子水泥厂宿舍", 50, 50, priority: 9)], FontSize, 120, 120));
    }

    [Theory]
    [InlineData("港城家园", 4.0)]
    [InlineData("寸滩街87号院", 5 + 2 * 0.62)]
    public void TextWidth_CountsAWideCharacterAsOneEm(string text, double ems)
    {
        Assert.Equal(ems, MapLabelPlacement.TextWidth(text), precision: 6);
    }

    private static MapLabelRequest Request(int key, string text, double x, double y, int priority) => new(key, text, x, y, 20, priority);
}
