using CommandCenter.Infrastructure.Dashboard;

namespace CommandCenter.Web.Components.Wall;

/// <summary>
/// The y-axis tick step of a trend: counts are whole cases, so ticks are 1, 2, 5, 10, 20, …
/// apart with at most five steps to the top — Plotly's automatic ticks would show 0.5 cases.
/// </summary>
public static class TrendAxis
{
    private const int MaxSteps = 5;

    public static int Step(TrendSeries series)
    {
        var top = series.Received.Concat(series.Closed).DefaultIfEmpty(0).Max();
        for (var magnitude = 1; ; magnitude *= 10)
            foreach (var factor in (int[])[1, 2, 5])
                if (top <= factor * magnitude * MaxSteps) return factor * magnitude;
    }
}
