using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Telemetry;

namespace CommandCenter.Web.Telemetry;

/// <summary>
/// Which open walls show the newest figures. A wall reports the projection version of each render its
/// browser has acknowledged (Blazor runs after-render on the server once the browser applied the batch);
/// a wall is behind when the projection reached a version it has not shown more than <see cref="BehindAfter"/>
/// ago (or, just opened, it has shown nothing for that long). A wall that silently stops updating is the worst
/// failure a command centre has: this says whether the server stopped sending or the browser stopped applying.
/// </summary>
/// <remarks>
/// Counted from when the figures moved, not from the wall's last acknowledgement: a wall with nothing new to show for a
/// minute acknowledges nothing, and counting from then made every wall "behind" for the moment after the next change
/// (the live benchmark read 201 of 201 walls behind that had all shown its case).
/// </remarks>
public sealed class WallLiveness : IDisposable
{
    public static readonly TimeSpan BehindAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<object, Wall> _walls = new(ReferenceEqualityComparer.Instance);
    private readonly DashboardProjection _projection;
    private readonly TimeProvider _clock;
    private readonly Lock _movesGate = new();
    // The versions the projection reached within the last BehindAfter, oldest first; _settled is the newest before them.
    private readonly Queue<(long Version, DateTimeOffset AtUtc)> _moves = new();
    private long _settled = -1;

    public WallLiveness(IMeterFactory meters, DashboardProjection projection, TimeProvider clock)
    {
        (_projection, _clock) = (projection, clock);
        Moved();
        projection.Changed += Moved;
        var meter = meters.Create(CommandCenterMetrics.MeterName);
        meter.CreateObservableGauge("cc.walls.open", () => Open, "{wall}", "Wall pages with a live circuit on this server");
        meter.CreateObservableGauge("cc.walls.behind", () => Behind(), "{wall}",
            $"Walls whose browser has not shown figures that changed more than {BehindAfter.TotalSeconds:F0} s ago");
    }

    public int Open => _walls.Count;

    public void Opened(object wall) => _walls[wall] = new Wall(-1, _clock.GetUtcNow());

    /// <summary>The browser has applied a render of the figures of <paramref name="version"/>.</summary>
    public void Shown(object wall, long version)
    {
        // A wall closed meanwhile (its last after-render racing the circuit's end) stays closed.
        while (_walls.TryGetValue(wall, out var open) && !_walls.TryUpdate(wall, open with { Version = version }, open)) { }
    }

    public void Closed(object wall) => _walls.TryRemove(wall, out _);

    public int Behind()
    {
        var now = _clock.GetUtcNow();
        long settled;
        lock (_movesGate) settled = Settle(now);
        return _walls.Values.Count(w => w.Version < settled && now - w.OpenedAtUtc > BehindAfter);
    }

    public void Dispose() => _projection.Changed -= Moved;

    private void Moved()
    {
        var (version, now) = (_projection.Version, _clock.GetUtcNow());
        lock (_movesGate)
        {
            _moves.Enqueue((version, now));
            Settle(now);
        }
    }

    /// <summary>
    /// Under <see cref="_movesGate"/>: the newest version the projection reached more than <see cref="BehindAfter"/> before
    /// <paramref name="now"/>. Each move settles here in turn, so the queue holds only the last BehindAfter's however seldom the gauge is read.
    /// </summary>
    private long Settle(DateTimeOffset now)
    {
        while (_moves.TryPeek(out var move) && now - move.AtUtc > BehindAfter) _settled = Math.Max(_settled, _moves.Dequeue().Version);
        return _settled;
    }

    private sealed record Wall(long Version, DateTimeOffset OpenedAtUtc);
}
