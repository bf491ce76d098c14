using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Dashboard;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CommandCenter.Web.Components.Wall;

/// <summary>
/// A thin Plotly chart of one trend: two lines, received and closed. The first series is
/// plotted whole; later ones reach the browser only as the steps <see cref="TrendChartPlan"/>
/// plans — new buckets by ExtendTraces with the window as its bound, changed counts by a
/// data update of this chart's two traces — never by re-sending the figure.
/// </summary>
public sealed partial class TrendChart
{
    private const string ReceivedColour = "#4fc3f7";
    private const string ClosedColour = "#81c784";
    private static readonly int[] BothTraces = [0, 1];

    private PlotlyChart _chart = null!;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = null!;
    private readonly Config _config = new() { DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, Responsive = true, StaticPlot = true };
    private TrendSeries? _shown;

    [Parameter, EditorRequired] public required string Name { get; set; }
    [Parameter, EditorRequired] public required TrendSeries Series { get; set; }
    [Parameter, EditorRequired] public required string ReceivedLabel { get; set; }
    [Parameter, EditorRequired] public required string ClosedLabel { get; set; }

    /// <summary>Buckets shown as days (7 d) rather than hours (24 h).</summary>
    [Parameter] public bool ByDay { get; set; }

    private string ChartId => $"cc-trend-{Name}";

    protected override async Task OnParametersSetAsync()
    {
        if (_shown is null)
        {
            _data = [Trace(ReceivedLabel, ReceivedColour, Series.BucketStartsUtc, Series.Received), Trace(ClosedLabel, ClosedColour, Series.BucketStartsUtc, Series.Closed)];
            _layout = ChartLayout(TrendAxis.Step(Series));
            _shown = Series;
            return;
        }
        if (ReferenceEquals(_shown, Series)) return;
        foreach (var step in TrendChartPlan.Between(_shown, Series))
            await ApplyAsync(step);
        _shown = Series;
        if (TrendAxis.Step(Series) is var tickStep && !Equals(_layout.YAxis[0].DTick, tickStep))
        {
            _layout.YAxis[0].DTick = tickStep;
            await _chart.Relayout();
        }
    }

    private Task ApplyAsync(TrendChartStep step) => step switch
    {
        TrendChartStep.AppendBuckets append => _chart.ExtendTraces(
            [Labels(append.StartsUtc), Labels(append.StartsUtc)], [Counts(append.Received), Counts(append.Closed)], BothTraces, Series.BucketStartsUtc.Count),
        TrendChartStep.SetCounts counts => SetAsync(null, counts.Received, counts.Closed),
        TrendChartStep.ReplaceAll replace => SetAsync(replace.Series.BucketStartsUtc, replace.Series.Received, replace.Series.Closed),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>
    /// Plotly's restyle semantics: each data array is wrapped once more, one entry per trace.
    /// The server-side traces are updated too, so a later full redraw shows the same thing.
    /// </summary>
    private async Task SetAsync(IReadOnlyList<DateTime>? startsUtc, IReadOnlyList<int> received, IReadOnlyList<int> closed)
    {
        var update = new Dictionary<string, object> { ["y"] = new[] { Counts(received), Counts(closed) } };
        if (startsUtc is not null) update["x"] = new[] { Labels(startsUtc), Labels(startsUtc) };
        foreach (var (trace, counts) in _data.Cast<Scatter>().Zip([received, closed]))
        {
            trace.Y = Counts(counts);
            if (startsUtc is not null) trace.X = Labels(startsUtc);
        }
        await _chart.Update(update, null, BothTraces);
    }

    private Scatter Trace(string name, string colour, IReadOnlyList<DateTime> startsUtc, IReadOnlyList<int> counts) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines | ModeFlag.Markers,
        X = Labels(startsUtc),
        Y = Counts(counts),
        Line = new Line { Color = colour, Width = 3 },
    };

    private Plotly.Blazor.Layout ChartLayout(int tickStep) => new()
    {
        AutoSize = true,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = "#cfd8dc", Family = string.Join(',', Layout.CommandCenterTheme.FontFamily) },
        Margin = new Margin { L = 48, R = 16, T = 12, B = 44 },
        // The legend is HTML above the chart, sized with the wall's type.
        ShowLegend = false,
        XAxis = [new XAxis { GridColor = "rgba(255,255,255,.08)", TickFormat = ByDay ? "%m-%d" : "%H:%M" }],
        YAxis = [new YAxis { GridColor = "rgba(255,255,255,.08)", RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, Tick0 = 0, DTick = tickStep }],
    };

    /// <summary>China local times, which Plotly reads as dates without shifting them to the browser's zone.</summary>
    private List<object> Labels(IEnumerable<DateTime> startsUtc) =>
        [.. startsUtc.Select(s => (object)(s + ChinaTime.Offset).ToString(ByDay ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    private static List<object> Counts(IEnumerable<int> counts) => [.. counts.Select(c => (object)c)];
}
