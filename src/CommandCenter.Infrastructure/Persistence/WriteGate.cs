namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Serialises write transactions where the database allows only one writer (SQLite):
/// waiting here is cheap and fair, while SQLite's own busy handling sleeps and retries.
/// On SQL Server the gate lets everyone through and row locks do the work.
/// </summary>
public sealed class WriteGate(bool serialise)
{
    private readonly SemaphoreSlim? _semaphore = serialise ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null) return NoGate.Instance;
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
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
