using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Telemetry;

namespace CommandCenter.Web.Telemetry;

/// <summary>
/// Which open walls show the newest figures. A wall reports the projection version of each render its
/// browser has acknowledged (Blazor runs after-render on the server once the browser applied the batch);
/// a wall is behind when the projection has moved on and the wall has acknowledged nothing for
/// <see cref="BehindAfter"/>. A wall that silently stops updating is the worst failure a command centre
/// has: this says whether the server stopped sending or the browser stopped applying.
/// </summary>
public sealed class WallLiveness
{
    public static readonly TimeSpan BehindAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<object, Acknowledged> _walls = new(ReferenceEqualityComparer.Instance);
    private readonly DashboardProjection _projection;
    private readonly TimeProvider _clock;

    public WallLiveness(IMeterFactory meters, DashboardProjection projection, TimeProvider clock)
    {
        (_projection, _clock) = (projection, clock);
        var meter = meters.Create(CommandCenterMetrics.MeterName);
        meter.CreateObservableGauge("cc.walls.open", () => Open, "{wall}", "Wall pages with a live circuit on this server");
        meter.CreateObservableGauge("cc.walls.behind", () => Behind(), "{wall}",
            $"Walls whose browser has not shown the newest figures for {BehindAfter.TotalSeconds:F0} s");
    }

    public int Open => _walls.Count;

    public void Opened(object wall) => _walls[wall] = new Acknowledged(-1, _clock.GetUtcNow());

    /// <summary>The browser has applied a render of the figures of <paramref name="version"/>.</summary>
    public void Shown(object wall, long version) => _walls[wall] = new Acknowledged(version, _clock.GetUtcNow());

    public void Closed(object wall) => _walls.TryRemove(wall, out _);

    public int Behind()
    {
        var (newest, now) = (_projection.Version, _clock.GetUtcNow());
        return _walls.Values.Count(w => w.Version < newest && now - w.AtUtc > BehindAfter);
    }

    private sealed record Acknowledged(long Version, DateTimeOffset AtUtc);
}
