using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Web.Components.Controls;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace CommandCenter.Web.Components.Wall;

/// <summary>
/// A thin Plotly chart of one trend: two lines, received and closed. The first series is
/// plotted whole; later ones reach the browser only as the steps <see cref="TrendChartPlan"/>
/// plans — new buckets by ExtendTraces with the window as its bound, changed counts by a
/// data update of this chart's two traces — never by re-sending the figure. Those updates
/// are paced apart from the page's renders: at most one batch per <see cref="SendInterval"/>,
/// carrying the newest series, and a change that arrives during the wait is sent when it ends.
/// </summary>
public sealed partial class TrendChart : IDisposable
{
    /// <summary>
    /// Hour and day buckets move slowly, so a second's delay is invisible on the wall, while
    /// interop on every one of its renders (four a second) cost it its DOM latency goal.
    /// </summary>
    public static readonly TimeSpan SendInterval = TimeSpan.FromSeconds(1);

    private const double DefaultFontSize = 16;
    private const string ReceivedColour = "#4fc3f7";
    private const string ClosedColour = "#81c784";
    private static readonly int[] BothTraces = [0, 1];

    private readonly CancellationTokenSource _disposed = new();
    private PlotlyChart _chart = null!;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout? _layout;
    private readonly Config _config = new() { DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, Responsive = true, StaticPlot = true };
    private RenderThrottle _sends = null!;
    private TrendSeries? _shown;

    [Parameter, EditorRequired] public required string Name { get; set; }
    [Parameter, EditorRequired] public required TrendSeries Series { get; set; }
    [Parameter, EditorRequired] public required string ReceivedLabel { get; set; }
    [Parameter, EditorRequired] public required string ClosedLabel { get; set; }

    /// <summary>Buckets shown as days (7 d) rather than hours (24 h).</summary>
    [Parameter] public bool ByDay { get; set; }

    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required ILogger<TrendChart> Logger { get; init; }

    private string ChartId => $"cc-trend-{Name}";

    protected override void OnInitialized() => _sends = new RenderThrottle(SendPacedAsync, SendInterval, Clock);

    protected override void OnParametersSet()
    {
        if (_layout is null)
        {
            _data = [Trace(ReceivedLabel, ReceivedColour, Series.BucketStartsUtc, Series.Received), Trace(ClosedLabel, ClosedColour, Series.BucketStartsUtc, Series.Closed)];
            _shown = Series;
        }
        else if (!ReferenceEquals(_shown, Series))
        {
            _sends.Notify();
        }
    }

    /// <summary>
    /// Axis labels are text the wall's type floor applies to, and Plotly places them by the pixel
    /// size it is given, not by CSS: so the chart is first drawn at the page's root font size.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        double fontSize;
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, $"./{Assets["Components/Wall/TrendChart.razor.js"]}");
            fontSize = await module.InvokeAsync<double>("rootFontSize", _disposed.Token);
        }
        catch (Exception e) when (e is JSDisconnectedException || _disposed.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is JSException or TaskCanceledException)
        {
            // A browser too busy to answer within the interop timeout, or a script that failed: the wall keeps its
            // circuit and its chart, drawn at the browsers' default type size, rather than losing both over an axis label.
            Logger.LogWarning(e, "The wall's type size could not be read; its trend is drawn at {FontSize} px", DefaultFontSize);
            fontSize = DefaultFontSize;
        }
        _layout = ChartLayout(TrendAxis.Step(_shown!), fontSize);
        StateHasChanged();
    }

    public void Dispose()
    {
        _sends.Dispose();
        _disposed.Cancel();
    }

    /// <summary>
    /// Runs on the throttle's timer, outside the lifecycle: errors are handed to the renderer as
    /// a lifecycle method's would be, except once the chart is gone (nothing left to draw on).
    /// </summary>
    private async Task SendPacedAsync()
    {
        try
        {
            await InvokeAsync(SendNewestAsync);
        }
        catch (Exception e) when (e is not JSDisconnectedException && !_disposed.IsCancellationRequested)
        {
            await DispatchExceptionAsync(e);
        }
    }

    /// <summary>
    /// The plan is made and the shown series moved on before anything is awaited, and the calls
    /// are started back to back, so a slow batch and the next one cannot interleave.
    /// </summary>
    private Task SendNewestAsync()
    {
        var next = Series;
        var steps = TrendChartPlan.Between(_shown!, next);
        _shown = next;
        List<Task> calls = [.. steps.Select(step => ApplyAsync(step, next))];
        if (TrendAxis.Step(next) is var tickStep && !Equals(_layout!.YAxis[0].DTick, tickStep))
        {
            _layout.YAxis[0].DTick = tickStep;
            calls.Add(_chart.Relayout(_disposed.Token));
        }
        return Task.WhenAll(calls);
    }

    private Task ApplyAsync(TrendChartStep step, TrendSeries next) => step switch
    {
        TrendChartStep.AppendBuckets append => _chart.ExtendTraces(
            [Labels(append.StartsUtc), Labels(append.StartsUtc)], [Counts(append.Received), Counts(append.Closed)], BothTraces, next.BucketStartsUtc.Count, _disposed.Token),
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
        await _chart.Update(update, null, BothTraces, _disposed.Token);
    }

    private Scatter Trace(string name, string colour, IReadOnlyList<DateTime> startsUtc, IReadOnlyList<int> counts) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines | ModeFlag.Markers,
        X = Labels(startsUtc),
        Y = Counts(counts),
        Line = new Line { Color = colour, Width = 3 },
    };

    private Plotly.Blazor.Layout ChartLayout(int tickStep, double fontSize) => new()
    {
        AutoSize = true,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = "#cfd8dc", Family = string.Join(',', Layout.CommandCenterTheme.FontFamily), Size = (decimal)fontSize },
        Margin = new Margin { L = (int)(2.2 * fontSize), R = (int)fontSize, T = (int)(fontSize / 2), B = (int)(1.8 * fontSize) },
        // The legend is HTML above the chart, sized with the wall's type.
        ShowLegend = false,
        // Few, upright time labels: at the wall's type size more would be turned on their side and cut.
        XAxis = [new XAxis { GridColor = "rgba(255,255,255,.08)", TickFormat = ByDay ? "%m-%d" : "%H:%M", NTicks = 3, TickAngle = 0 }],
        YAxis = [new YAxis { GridColor = "rgba(255,255,255,.08)", RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero, Tick0 = 0, DTick = tickStep }],
    };

    /// <summary>China local times, which Plotly reads as dates without shifting them to the browser's zone.</summary>
    private List<object> Labels(IEnumerable<DateTime> startsUtc) =>
        [.. startsUtc.Select(s => (object)ChinaTimeText.Format(s, ByDay ? "yyyy-MM-dd" : ChinaTimeText.Pattern))];

    private static List<object> Counts(IEnumerable<int> counts) => [.. counts.Select(c => (object)c)];
}
