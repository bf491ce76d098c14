using Bunit;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>The wall's map draws a courtyard with an outline as its shape, in the colour of its most pressing open case.</summary>
public sealed class StreetMapTests : ComponentTest
{
    private static readonly Courtyard Outlined = Courtyard(1, [new(106.5995, 29.5996), new(106.6005, 29.5996), new(106.6005, 29.6004), new(106.5995, 29.6004)]);
    private static readonly Courtyard Quiet = Courtyard(2, [new(106.6095, 29.6096), new(106.6105, 29.6096), new(106.61, 29.6104)]);
    private static readonly Courtyard Plain = Courtyard(3, null);

    [Fact]
    public void ACourtyardsOutline_IsDrawnAsItsShape_InItsCasesColour()
    {
        var map = Context.Render<StreetMap>(p => p
            .Add(c => c.Courtyards, [Outlined, Quiet, Plain])
            .Add(c => c.OpenCases, [Case(Outlined, Urgency.Normal, TimeStatus.OnTime), Case(Outlined, Urgency.Normal, TimeStatus.Overdue)]));

        var outlines = map.FindAll("polygon[data-outline]");
        Assert.Equal(["1", "2"], outlines.Select(o => o.GetAttribute("data-outline")));
        Assert.Contains("cc-map-outline-overdue", outlines[0].ClassList);
        Assert.Contains("cc-map-outline-calm", outlines[1].ClassList);
        Assert.Equal(4, outlines[0].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(3, outlines[1].GetAttribute("points")!.Split(' ').Length);
        // The points lie inside the view box: the outlines widen the projected area, not spill out of it.
        Assert.All(outlines.SelectMany(o => o.GetAttribute("points")!.Split(' ')).Select(p => p.Split(',').Select(double.Parse).ToArray()),
            p => Assert.True(p[0] is >= 0 and <= 1000 && p[1] is >= 0 and <= 400, string.Join(",", p)));
    }

    private static Courtyard Courtyard(int id, IReadOnlyList<MapPoint>? outline) => new()
    {
        Id = new CourtyardId(id), GridId = new GridId(1), CommunityId = new CommunityId(1), Name = $"院落{id}", Kind = CourtyardKind.Old, Homes = 10,
        Latitude = 29.6 + (id - 1) * 0.01, Longitude = 106.6 + (id - 1) * 0.01, Outline = outline,
    };

    private static OpenCase Case(Courtyard courtyard, Urgency urgency, TimeStatus status) =>
        new(Guid.NewGuid(), $"CT-20261205-{Random.Shared.Next(1, 9999):0000}", courtyard.Id, urgency, "0101", CaseState.InProgress, status, null);
}
