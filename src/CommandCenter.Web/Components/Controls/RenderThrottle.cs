namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// Coalesces bursts of change notifications into at most one render per interval: the
/// first notification after a quiet spell renders at once, the rest of a burst wait for
/// one render at the end of the interval, which sees the newest state. Safe to call from
/// any thread; disposing drops a waiting render and releases its timer at once.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval, TimeProvider clock) : IDisposable
{
    private readonly Lock _gate = new();
    // Not disposed: it owns no timer or wait handle, and a Notify racing Dispose may still read its token.
    private readonly CancellationTokenSource _stopped = new();
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;
    private bool _pending;

    public void Notify()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_pending || _stopped.IsCancellationRequested) return;
            _pending = true;
            wait = _lastRender + interval - clock.GetUtcNow();
        }
        _ = RenderAfterAsync(wait);
    }

    public void Dispose() => _stopped.Cancel();

    private async Task RenderAfterAsync(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero && !await DelayAsync(wait)) return;
        lock (_gate)
        {
            _pending = false;
            if (_stopped.IsCancellationRequested) return;
            _lastRender = clock.GetUtcNow();
        }
        await render();
    }

    /// <summary>False when disposed meanwhile: the timer is cancelled rather than left to fire into a gone component.</summary>
    private async Task<bool> DelayAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, clock, _stopped.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
