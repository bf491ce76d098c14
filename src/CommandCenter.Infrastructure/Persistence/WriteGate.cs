namespace CommandCenter.Infrastructure.Persistence;

/// <summary>How soon a write must get the gate.</summary>
public enum WritePriority
{
    /// <summary>Commands, intake, timers: someone or a deadline is waiting for the commit.</summary>
    Normal,
    /// <summary>Work that may wait a few seconds (sending the notice outbox): it stands aside while a timer sweep is behind.</summary>
    Background,
}

/// <summary>
/// Serialises write transactions where the database allows only one writer (SQLite):
/// waiting here is cheap and fair, while SQLite's own busy handling sleeps and retries.
/// Background writes also wait while a sweep holds them off: at a burst of deadlines the notice
/// worker would otherwise take every other turn and double how late the escalations commit.
/// On a server database the gate lets every write through and row locks order them, but background writes still
/// stand aside while this server sweeps: there the notice worker's claims and sends would take CPU from the sweep.
/// </summary>
public sealed class WriteGate(bool serialise)
{
    private readonly SemaphoreSlim? _semaphore = serialise ? new SemaphoreSlim(1, 1) : null;
    private readonly Lock _holdLock = new();
    private int _holds;
    private TaskCompletionSource _noHolds = Released();

    /// <summary>Whether writers pass one at a time (SQLite); on a server database row locks order them.</summary>
    public bool Serialises => _semaphore is not null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken, WritePriority priority = WritePriority.Normal)
    {
        if (priority == WritePriority.Background)
        {
            Task noHolds;
            lock (_holdLock) noHolds = _noHolds.Task;
            await noHolds.WaitAsync(cancellationToken);
        }
        if (_semaphore is null) return NoGate.Instance;
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    /// <summary>Keeps background writes waiting until the returned hold is disposed (holds may overlap).</summary>
    public IDisposable HoldBackgroundWrites()
    {
        lock (_holdLock)
        {
            if (_holds++ == 0) _noHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return new Hold(this);
    }

    private void EndHold()
    {
        lock (_holdLock)
        {
            if (--_holds == 0) _noHolds.TrySetResult();
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private sealed class Hold(WriteGate gate) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) gate.EndHold();
        }
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose() { }
    }
}
