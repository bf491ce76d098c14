using System.Threading.Channels;
using Case = CommandCenter.Domain.Cases.Case;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Group commit for intake: reports that arrive while a transaction is being written wait
/// and go into the next one together, numbered in arrival order. Under a burst this turns
/// many small transactions into few larger ones; alone, a report is written at once.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<CommandCenterDbContext> _contexts;
    private readonly OrganisationDirectory _directory;
    private readonly WriteGate _writeGate;
    private readonly ICaseEventStream _events;
    private readonly TimeProvider _clock;
    private readonly Task _loop;

    public IntakeWriter(
        IDbContextFactory<CommandCenterDbContext> contexts, OrganisationDirectory directory, WriteGate writeGate,
        ICaseEventStream events, TimeProvider clock)
    {
        _events = events;
        _contexts = contexts;
        _directory = directory;
        _writeGate = writeGate;
        _clock = clock;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Writes the case <paramref name="report"/> makes from its number and time. The caller has
    /// already checked that it succeeds for these arguments, so no number is left unused.
    /// </summary>
    /// <param name="alongside">Rows that belong with the case (a resident's photos, tracking code), written in its transaction.</param>
    public Task<Case> WriteAsync(Func<string, DateTime, Case> report, CancellationToken cancellationToken, Action<CommandCenterDbContext, Case>? alongside = null)
    {
        var pending = new Pending(report, alongside, new TaskCompletionSource<Case>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(IntakeWriter));
        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync();
            using var gate = await _writeGate.EnterAsync(CancellationToken.None);
            var nowUtc = _clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var numbers = await CaseNumberAllocator.NextAsync(db, _directory.Street.Code, nowUtc, batch.Count, CancellationToken.None);
            var cases = batch.Select((pending, i) => pending.Report(numbers[i], nowUtc)).ToList();
            db.Cases.AddRange(cases);
            for (var i = 0; i < batch.Count; i++) batch[i].Alongside?.Invoke(db, cases[i]);
            var committed = PendingCaseEvents.Collect(db);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            _events.Publish(committed);
            for (var i = 0; i < batch.Count; i++) batch[i].Written.SetResult(cases[i]);
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Written.TrySetException(e);
        }
    }

    private sealed record Pending(Func<string, DateTime, Case> Report, Action<CommandCenterDbContext, Case>? Alongside, TaskCompletionSource<Case> Written);
}
