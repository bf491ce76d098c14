using System.Diagnostics;
using System.Diagnostics.Metrics;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Dashboard;

/// <summary>
/// Reads the dashboard projection again from the database when the event stream resumes after an
/// outage (Redis back): the batches other servers committed meanwhile never arrived, and without this
/// every wall of this server would show stale figures until it restarts. The walls re-render from the
/// rebuilt projection; <see cref="Resynchronised"/> then tells the live hub's clients to reload.
/// </summary>
public sealed class DashboardResync(
    ICaseEventStream stream,
    DashboardProjection projection,
    IDbContextFactory<CommandCenterDbContext> contexts,
    IMeterFactory meters,
    ILogger<DashboardResync> logger) : IHostedService, IDisposable
{
    private readonly Counter<long> _resyncs = meters.Create(CommandCenterMetrics.MeterName)
        .CreateCounter<long>("cc.events.resyncs", "{resync}", "Rebuilds of the dashboard projection from the database after the event stream came back");
    // A second resume during a rebuild waits for it, then reads again: never an older read after a newer.
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;
    private IDisposable? _subscription;

    /// <summary>Raised after the projection holds what the database holds again.</summary>
    public event Action? Resynchronised;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = stream.SubscribeToResumes(() => _ = ResyncAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    // Once, whichever comes first: the host's stop or the container's dispose (which also comes twice, as itself
    // and as the hosted service).
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _subscription?.Dispose();
        _stopping.Cancel();
    }

    public async Task ResyncAsync()
    {
        await _rebuilding.WaitAsync();
        try
        {
            await RebuildUntilItSucceedsAsync();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _rebuilding.Release();
        }
        Resynchronised?.Invoke();
    }

    /// <summary>
    /// A failed read (the database busy or away just as Redis returned) is tried again rather than given up:
    /// no later event would mend what was missed, and the walls would stay stale until a restart.
    /// </summary>
    private async Task RebuildUntilItSucceedsAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await using var db = await contexts.CreateDbContextAsync(_stopping.Token);
                await projection.RebuildAsync(db, _stopping.Token);
                _resyncs.Add(1);
                logger.LogInformation("Dashboard projection rebuilt from the database after the event stream resumed ({Elapsed:F0} ms)",
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                var wait = RetryDelay(attempt);
                logger.LogError(e, "The dashboard projection could not be rebuilt after the event stream resumed (attempt {Attempt}); trying again in {Wait:F0} s",
                    attempt, wait.TotalSeconds);
                await Task.Delay(wait, _stopping.Token);
            }
        }
    }

    private static TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5)));

    // The source is cancelled, never disposed: a rebuild still finishing reads its token, and it holds no timer to free.
    public void Dispose() => Stop();
}
