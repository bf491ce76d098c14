using Bunit;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;
using static CommandCenter.Web.Tests.Wall.TrendChartPlanTests;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>What the chart sends to Plotly: the figure once, then only the planned steps.</summary>
public sealed class TrendChartTests : ComponentTest
{
    [Fact]
    public void NewCounts_UpdateTheTracesInPlace_WithoutRedrawingTheFigure()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        var plotted = PlotlyCalls().Count;
        Assert.Equal(["newPlot"], PlotlyCalls().Select(c => c.Identifier));

        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 4], [0, 1, 1])));

        var update = Assert.Single(PlotlyCalls().Skip(plotted));
        Assert.Equal("update", update.Identifier);
    }

    [Fact]
    public void NewHour_ExtendsTheTraces_BoundedToTheWindow()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        var plotted = PlotlyCalls().Count;

        chart.Render(p => p.Add(c => c.Series, Series(1, [2, 3, 1], [1, 1, 0])));

        var extend = Assert.Single(PlotlyCalls().Skip(plotted));
        Assert.Equal("extendTraces", extend.Identifier);
        Assert.Equal(3, extend.Arguments[^1]);
    }

    [Fact]
    public void CountsOutgrowTheAxis_RelayoutWithAWiderTickStep()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        var plotted = PlotlyCalls().Count;

        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 30], [0, 1, 1])));

        Assert.Equal(["update", "relayout"], PlotlyCalls().Skip(plotted).Select(c => c.Identifier));
    }

    [Fact]
    public void SameCounts_SendNothing()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        var plotted = PlotlyCalls().Count;

        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 3], [0, 1, 1])));

        Assert.Equal(plotted, PlotlyCalls().Count);
    }

    [Fact]
    public void Legend_NamesBothLines()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));

        Assert.Equal(["受理", "办结"], chart.FindAll(".cc-trend-legend span").Select(s => s.TextContent));
    }

    private IRenderedComponent<TrendChart> Render(Infrastructure.Dashboard.TrendSeries series) =>
        Context.Render<TrendChart>(p => p
            .Add(c => c.Name, "24h")
            .Add(c => c.Series, series)
            .Add(c => c.ReceivedLabel, "受理")
            .Add(c => c.ClosedLabel, "办结"));

    private static readonly string[] PlotlyFunctions = ["newPlot", "react", "update", "extendTraces", "restyle", "relayout"];

    /// <summary>Plotly.Blazor's calls into its interop module that draw or change the figure.</summary>
    private List<JSRuntimeInvocation> PlotlyCalls() => [.. Context.JSInterop.Invocations.Where(i => PlotlyFunctions.Contains(i.Identifier))];
}
