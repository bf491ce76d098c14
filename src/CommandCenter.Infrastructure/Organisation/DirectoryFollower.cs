using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// Reloads this server's reference data (<see cref="DirectoryChanges"/>) when another server announces a change of it,
/// and when the event stream resumes after an outage in which such an announcement may have been lost.
/// </summary>
public sealed class DirectoryFollower(
    ICaseEventStream stream, DirectoryChanges changes, IDbContextFactory<CommandCenterDbContext> contexts,
    ILogger<DirectoryFollower> logger)
    : IHostedService, IDisposable
{
    // One reload at a time: a burst of announcements then costs one or two reloads, never an older read after a newer.
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private IDisposable? _subscription;
    private IDisposable? _resumes;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = stream.SubscribeToDirectoryChangesElsewhere(() => _ = ReloadAsync());
        _resumes = stream.SubscribeToResumes(() => _ = ReloadAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _resumes?.Dispose();
        return Task.CompletedTask;
    }

    public async Task ReloadAsync()
    {
        await _reloading.WaitAsync();
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await changes.LoadAsync(db);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The directory could not be reloaded after another server changed the reference data");
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _resumes?.Dispose();
        _reloading.Dispose();
    }
}
