using System.Text.Json;
using Bunit;
using CommandCenter.Web.Components.Wall;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CommandCenter.Web.Tests.Wall.TrendChartPlanTests;

namespace CommandCenter.Web.Tests.Wall;

/// <summary>
/// What the chart sends to Plotly: the figure once, then only the planned steps, at most one
/// batch a second. The chart's clock is a fake one, moved by hand.
/// </summary>
public sealed class TrendChartTests : ComponentTest
{
    private readonly TimerCountingClock _clock = new();

    public TrendChartTests() => Context.Services.AddSingleton<TimeProvider>(_clock);

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
    public void BurstOfTwentyChangesInASecond_SendsTheFirstAtOnce_AndTheLastWhenTheSecondIsOver()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        var plotted = PlotlyCalls().Count;

        for (var i = 1; i <= 20; i++)
        {
            chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 3 + i], [0, 1, 1])));
            _clock.Advance(TimeSpan.FromMilliseconds(45));
        }
        Assert.Equal(["update"], PlotlyCalls().Skip(plotted).Select(c => c.Identifier));
        _clock.Advance(TrendChart.SendInterval);

        // The second batch carries the last series only, and the wider axis it needs.
        chart.WaitForAssertion(() => Assert.Equal(["update", "update", "relayout"], PlotlyCalls().Skip(plotted).Select(c => c.Identifier)));
        var updates = PlotlyCalls().Where(c => c.Identifier == "update").ToList();
        Assert.Equal("""{"y":[[1,2,4],[0,1,1]]}""", SentData(updates[0]));
        Assert.Equal("""{"y":[[1,2,23],[0,1,1]]}""", SentData(updates[1]));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(plotted + 3, PlotlyCalls().Count);
    }

    [Fact]
    public void ChangeDuringTheWait_IsSentWhenItEnds_WithoutAnotherChange()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 4], [0, 1, 1])));
        var sent = PlotlyCalls().Count;

        chart.Render(p => p.Add(c => c.Series, Series(1, [2, 4, 1], [1, 1, 0])));
        Assert.Equal(sent, PlotlyCalls().Count);
        _clock.Advance(TrendChart.SendInterval);

        chart.WaitForAssertion(() => Assert.Equal(["extendTraces"], PlotlyCalls().Skip(sent).Select(c => c.Identifier)));
    }

    [Fact]
    public async Task Disposed_DropsThePendingSend_AndItsTimer()
    {
        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));
        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 4], [0, 1, 1])));
        chart.Render(p => p.Add(c => c.Series, Series(0, [1, 2, 5], [0, 1, 1])));
        var sent = PlotlyCalls().Count;
        Assert.Equal(1, _clock.LiveTimers);

        await Context.DisposeComponentsAsync();
        Assert.Equal(0, _clock.LiveTimers);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(sent, PlotlyCalls().Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ABrowserThatCannotTellItsTypeSize_StillGetsTheChart(bool timesOut)
    {
        var module = Context.JSInterop.SetupModule(invocation => invocation.Arguments[0] is string path && path.Contains("TrendChart", StringComparison.Ordinal));
        var typeSize = module.Setup<double>("rootFontSize");
        if (timesOut) typeSize.SetCanceled();
        else typeSize.SetException(new Microsoft.JSInterop.JSException("rootFontSize failed"));

        var chart = Render(Series(0, [1, 2, 3], [0, 1, 1]));

        chart.WaitForAssertion(() => Assert.Equal(["newPlot"], PlotlyCalls().Select(c => c.Identifier)));
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

    /// <summary>An update's data as the browser receives it: one y array per trace.</summary>
    private static string SentData(JSRuntimeInvocation update) => JsonSerializer.Serialize(update.Arguments[1]);
}
