namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// Coalesces bursts of change notifications into at most one render per interval: the
/// first notification after a quiet spell renders at once, the rest of a burst wait for
/// one render at the end of the interval. Safe to call from any thread.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval) : IDisposable
{
    private readonly Lock _gate = new();
    private DateTime _lastRenderUtc = DateTime.MinValue;
    private bool _pending;
    private bool _disposed;

    public void Notify()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_pending || _disposed) return;
            _pending = true;
            wait = _lastRenderUtc + interval - DateTime.UtcNow;
        }
        _ = RenderAfterAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
    }

    private async Task RenderAfterAsync(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        lock (_gate)
        {
            _pending = false;
            if (_disposed) return;
            _lastRenderUtc = DateTime.UtcNow;
        }
        await render();
    }
}
